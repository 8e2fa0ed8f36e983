package dev.composefix.model;

/**
 * A value after variable interpolation. When {@code known} is false some variable could not be
 * resolved here; {@code text} then holds the value with those variables left empty, which is only a
 * hint (the real value is decided where the stack runs).
 */
public record Interpolated(String text, boolean known) {

    public static Interpolated known(String text) {
        return new Interpolated(text, true);
    }
}
