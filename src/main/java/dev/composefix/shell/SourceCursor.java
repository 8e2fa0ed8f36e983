package dev.composefix.shell;

/** A read position in a script, with the character classes and skips the lexer and parser share. */
final class SourceCursor {
    final String src;
    final int len;
    /** The current char offset; the parser and lexer move it directly. */
    int pos;

    SourceCursor(String src) {
        this.src = src;
        this.len = src.length();
    }

    boolean atEnd() {
        return pos >= len;
    }

    /** The current char; only valid when not {@link #atEnd()}. */
    char peek() {
        return src.charAt(pos);
    }

    /** The char {@code ahead} positions on, or {@code '\0'} past the end. */
    char peek(int ahead) {
        int i = pos + ahead;
        return i < len ? src.charAt(i) : '\0';
    }

    boolean at(String s) {
        return src.startsWith(s, pos);
    }

    /** True when {@code word} starts here and is followed by a delimiter. */
    boolean atReservedWord(String word) {
        if (!at(word)) {
            return false;
        }
        int after = pos + word.length();
        return after >= len || isDelimiter(src.charAt(after));
    }

    /** True when a word (or a process substitution) starts here. */
    boolean atWordStart() {
        if (atEnd()) {
            return false;
        }
        char c = peek();
        if (c == '<' || c == '>') {
            return peek(1) == '(';
        }
        return !isDelimiter(c) && c != '#';
    }

    /** Skips blanks and backslash-newline continuations. */
    void skipBlanks() {
        while (pos < len) {
            if (isBlank(peek())) {
                pos++;
            } else if (at("\\\n")) {
                pos += 2;
            } else if (at("\\\r\n")) {
                pos += 3;
            } else {
                return;
            }
        }
    }

    /** Skips to the end of the line (the newline stays). */
    void skipComment() {
        while (pos < len && peek() != '\n') {
            pos++;
        }
    }

    /** At {@code '}: skips through the closing quote. */
    void skipSingleQuoted() {
        int close = src.indexOf('\'', pos + 1);
        pos = close < 0 ? len : close + 1;
    }

    /** Skips to just after the {@code close} that balances one already-open {@code open}; no parsing. */
    void skipPast(char close, char open) {
        int count = 1;
        while (pos < len) {
            char c = src.charAt(pos++);
            if (c == '\\') {
                pos = Math.min(len, pos + 1);
            } else if (c == open) {
                count++;
            } else if (c == close && --count == 0) {
                return;
            }
        }
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDelimiter(char c) {
        return isBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<'
                || c == '>';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return c == '_' || isAsciiLetter(c) || isDigit(c);
    }
}
