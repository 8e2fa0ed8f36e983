package dev.composefix.model;

/**
 * The character classes of Java's regular expressions that the hand-written readings of former expressions
 * need, each in one place: {@code \s} and what {@code .} does not match.
 */
public final class RegexChars {

    private RegexChars() {
    }

    /** What {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    public static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A character {@code .} does not match: a line terminator (line feed, carriage return, U+0085, U+2028, U+2029). */
    public static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
