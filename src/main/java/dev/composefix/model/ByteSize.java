package dev.composefix.model;

import java.util.OptionalLong;

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

    private ByteSize() {
    }

    /**
     * The number of bytes, or empty when the text is not a size Compose accepts: the whole (stripped) text is
     * {@code \d+(\.\d+)? ?([kmgtp])?i?b?}, ASCII letters in either case. Read by hand rather than by a regular
     * expression, which a start would compile and run interpreted ({@code ByteSizeTest} holds the two alike).
     */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String t = text.strip();
        int n = t.length();
        int i = digits(t, 0);
        if (i == 0) {
            return OptionalLong.empty();
        }
        boolean fraction = false;
        if (i < n && t.charAt(i) == '.') {
            int end = digits(t, i + 1);
            if (end == i + 1) {
                return OptionalLong.empty(); // a point with no digit after it
            }
            i = end;
            fraction = true;
        }
        int numberEnd = i;
        if (i < n && t.charAt(i) == ' ') {
            i++;
        }
        long unit = 1;
        if (i < n) {
            switch (t.charAt(i) | 0x20) { // ASCII lower case; no other character maps to these
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                case 'p' -> unit = 1L << 50;
                default -> unit = 0;
            }
            if (unit != 0) {
                i++;
            } else {
                unit = 1;
            }
        }
        if (i < n && (t.charAt(i) | 0x20) == 'i') {
            i++;
        }
        if (i < n && (t.charAt(i) | 0x20) == 'b') {
            i++;
        }
        if (i != n) {
            return OptionalLong.empty();
        }
        // As Double.parseDouble reads the number; a whole one of up to 18 digits is exact as a long, and
        // converts to the same double.
        double number = !fraction && numberEnd <= 18 ? (double) Long.parseLong(t.substring(0, numberEnd))
                : Double.parseDouble(t.substring(0, numberEnd));
        double bytes = number * unit;
        if (bytes >= Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) bytes);
    }

    /** The end of the run of ASCII digits from {@code from}. */
    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
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
            known = (DecimalText.oneDecimal(v) + units[u]).replace(".0" + units[u], units[u]);
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
