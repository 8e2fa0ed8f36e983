package dev.composefix.model;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as Compose reads them (docker/go-units' RAMInBytes): a number, an optional space, and an
 * optional unit {@code b k m g t p} with optional {@code i} and {@code b}, case-insensitive, all
 * powers of 1024: {@code 512M}, {@code 1.5G}, {@code 512mb}, {@code 1gb}, {@code 268435456}.
 */
public final class ByteSize {

    /**
     * The smallest memory limit Docker accepts (6 MiB, the daemon's minimum): below it a container
     * does not start, so the limit is a mistake to fix, not a size to tune a server to.
     */
    public static final long DOCKER_MINIMUM_MEMORY = 6L << 20;

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?",
            Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /** The number of bytes, or empty when the text is not a size Compose accepts. */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double number;
        try {
            number = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        long unit = 1;
        if (m.group(2) != null) {
            switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1L << 50;
            }
        }
        double bytes = number * unit;
        if (bytes >= Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) bytes);
    }

    /** A short human form: {@code 512M}, {@code 1.5G}, {@code 100B}. */
    public static String format(long bytes) {
        String[] units = {"B", "K", "M", "G", "T"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (v == Math.rint(v)) {
            return (long) v + units[u];
        }
        String known = FORMATTED.get(bytes);
        if (known == null) {
            known = String.format(java.util.Locale.ROOT, "%.1f%s", v, units[u]).replace(".0" + units[u], units[u]);
            if (FORMATTED.size() < FORMATTED_KEPT) {
                FORMATTED.put(bytes, known);
            }
        }
        return known;
    }

    /**
     * Sizes {@link #format} wrote with a fraction, by their bytes: the same planned limits and reservations
     * are written for service after service, and a formatter is slow. Bounded: only the first ones are kept.
     */
    private static final java.util.Map<Long, String> FORMATTED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FORMATTED_KEPT = 1024;
}
