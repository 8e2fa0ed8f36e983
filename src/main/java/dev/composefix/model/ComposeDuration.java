package dev.composefix.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Durations as Compose reads them (Go's time.ParseDuration): a sign, then one or more decimal
 * numbers each with a unit {@code ns us µs ms s m h}: {@code 1m30s}, {@code 90s}, {@code 500ms},
 * {@code 1h2m3s4ms}, {@code 1.5s}. A bare number is rejected, except {@code 0}.
 */
public final class ComposeDuration {

    private ComposeDuration() {
    }

    /** The duration, or empty when the text is not one Compose accepts. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text;
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (i == s.length()) {
            return Optional.empty();
        }
        double nanos = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            boolean intPart = i > start;
            double value = intPart ? Double.parseDouble(s.substring(start, i)) : 0;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fracStart = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (!intPart && i == fracStart) {
                    return Optional.empty();
                }
                if (i > fracStart) {
                    value += Double.parseDouble("0." + s.substring(fracStart, i));
                }
            } else if (!intPart) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            double unit;
            switch (s.substring(unitStart, i)) {
                case "ns" -> unit = 1;
                case "us", "µs", "μs" -> unit = 1e3;
                case "ms" -> unit = 1e6;
                case "s" -> unit = 1e9;
                case "m" -> unit = 60e9;
                case "h" -> unit = 3600e9;
                default -> {
                    return Optional.empty();
                }
            }
            nanos += value * unit;
            if (nanos > Long.MAX_VALUE) {
                return Optional.empty();
            }
        }
        long n = Math.round(nanos);
        return Optional.of(Duration.ofNanos(negative ? -n : n));
    }

    /** A short human form in Compose's syntax: {@code 30s}, {@code 1m30s}, {@code 500ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
