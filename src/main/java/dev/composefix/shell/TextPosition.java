package dev.composefix.shell;

/** A 1-based line and column; columns count code points. */
public record TextPosition(int line, int column) {
}
