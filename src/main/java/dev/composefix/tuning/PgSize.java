package dev.composefix.tuning;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL memory settings as the server reads them (guc.c, parse_int and its memory unit table):
 * a number, optional spaces, and an optional unit {@code B kB MB GB TB}, case-sensitive, in powers of
 * 1024; without a unit the number counts the setting's base unit (8kB blocks for shared_buffers,
 * kilobytes for work_mem, megabytes for max_wal_size). A fraction is rounded to the nearest base
 * unit, as PostgreSQL 12 and later do. Anything else ({@code 32mb}, {@code 1 gigabyte}) stops the
 * server at startup.
 */
public final class PgSize {

    /** The base unit of a memory setting, in bytes. */
    public enum Base {
        BYTES(1), KB(1024), BLOCKS(8192), MB(1024 * 1024);

        final long bytes;

        Base(long bytes) {
            this.bytes = bytes;
        }
    }

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(B|kB|MB|GB|TB)?\\s*");

    private PgSize() {
    }

    /** Bytes, or empty when PostgreSQL would reject the text. */
    public static OptionalLong parse(String text, Base base) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double number = Double.parseDouble(m.group(1));
        long unit = m.group(2) == null ? base.bytes : switch (m.group(2)) {
            case "B" -> 1L;
            case "kB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            default -> 1L << 40;
        };
        double bytes = number * unit;
        // The server keeps whole base units: round to the nearest one.
        long units = Math.round(bytes / base.bytes);
        return units > Long.MAX_VALUE / base.bytes ? OptionalLong.empty() : OptionalLong.of(units * base.bytes);
    }

    /**
     * Kilobytes written the way PGTune writes them: in GB or MB when that loses nothing, else in kB
     * ({@code 256MB}, {@code 2GB}, {@code 7864kB}); always a unit PostgreSQL accepts.
     */
    public static String format(long kilobytes) {
        if (kilobytes != 0 && kilobytes % (1024 * 1024) == 0) {
            return kilobytes / (1024 * 1024) + "GB";
        }
        if (kilobytes != 0 && kilobytes % 1024 == 0) {
            return kilobytes / 1024 + "MB";
        }
        return kilobytes + "kB";
    }

    /** Bytes for a message: {@code 1.5 GiB}, {@code 256 MiB}, {@code 64 kiB}. */
    public static String human(long bytes) {
        String[] units = {"B", "kiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String n = v == Math.floor(v) ? String.valueOf((long) v) : dev.composefix.model.DecimalText.oneDecimal(v);
        return n + " " + units[u];
    }
}
