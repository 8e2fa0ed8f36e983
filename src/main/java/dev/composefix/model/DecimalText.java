package dev.composefix.model;

/**
 * Numbers as {@code String.format(Locale.ROOT, ...)} writes them, without {@link java.util.Formatter}: its first
 * use loads the locale providers and decimal format symbols, 25 to 35 ms of a run that prints one size with a
 * fraction ({@code DecimalTextTest} holds each method to the format it replaces).
 */
public final class DecimalText {

    private DecimalText() {
    }

    /** {@code v} with one decimal, as {@code "%.1f"} writes it: the shortest decimal of {@code v}, rounded half up. */
    public static String oneDecimal(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : v < 0 ? "-Infinity" : "NaN";
        }
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(Math.abs(v)))
                .setScale(1, java.math.RoundingMode.HALF_UP);
        return (negative ? "-" : "") + d.toPlainString();
    }

    /** {@code n} with its thousands grouped by commas, as {@code "%,d"} writes it. */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int count = digits.length() - start;
        if (count <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + count / 3);
        b.append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
