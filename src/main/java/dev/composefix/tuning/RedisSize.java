package dev.composefix.tuning;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as Redis reads them (util.c, memtoull): a whole number and an optional unit,
 * case-insensitive, where {@code k m g} are powers of 1000 and {@code kb mb gb} powers of 1024:
 * {@code 200m} is 200,000,000 bytes, {@code 200mb} is 209,715,200. Valkey and KeyDB read them the
 * same way.
 */
public final class RedisSize {

    private static final Pattern FORM = Pattern.compile("(\\d+)(k|kb|m|mb|g|gb|b)?", Pattern.CASE_INSENSITIVE);

    private RedisSize() {
    }

    /** Bytes, or empty when Redis would reject the text. */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        long unit = switch (m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1000L;
            case "kb" -> 1024L;
            case "m" -> 1000L * 1000;
            case "mb" -> 1024L * 1024;
            case "g" -> 1000L * 1000 * 1000;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return n > Long.MAX_VALUE / unit ? OptionalLong.empty() : OptionalLong.of(n * unit);
    }

    /** Whether the unit is one of the decimal ones ({@code k m g}) that people take for binary ones. */
    public static boolean decimalUnit(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        return m.matches() && m.group(2) != null && m.group(2).length() == 1 && !m.group(2).equalsIgnoreCase("b");
    }

    /** Bytes in whole megabytes or gigabytes, rounded down, in the unambiguous units: {@code 128mb}, {@code 2gb}. */
    public static String format(long bytes) {
        long mib = bytes / (1024 * 1024);
        if (mib > 0 && mib % 1024 == 0) {
            return mib / 1024 + "gb";
        }
        return Math.max(mib, 1) + "mb";
    }
}
