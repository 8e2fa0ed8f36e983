package dev.composefix.yaml;

/**
 * A comment with its place: {@code text} is what follows the {@code #}; {@code ownLine} says that
 * nothing but indentation precedes it on its line.
 */
public record YComment(String text, Span span, boolean ownLine) {
}
