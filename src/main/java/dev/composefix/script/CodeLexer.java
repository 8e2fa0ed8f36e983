package dev.composefix.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lexer for Python and for JavaScript/TypeScript that knows exactly what a linter of their process calls
 * needs: comments, every string literal form (Python prefixes, triple quotes, raw strings; JavaScript single,
 * double and template literals with nested {@code ${...}}, regular expression literals) with escapes decoded
 * and each decoded char mapped to its source, names, and single punctuation chars. Never throws; an
 * unterminated literal ends at the end of the text.
 */
final class CodeLexer {
    enum Language { PYTHON, JAVASCRIPT }

    private static final Set<String> REGEX_AFTER_WORDS = Set.of("return", "typeof", "instanceof", "in", "of",
            "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private final String src;
    private final Language language;
    private int pos;
    private final List<CodeToken> out = new ArrayList<>();
    /** Comments: {@code [start of the marker, start of the text, end of the text]}. */
    private final List<int[]> comments = new ArrayList<>();

    private CodeLexer(String src, Language language, int from) {
        this.src = src;
        this.language = language;
        this.pos = from;
    }

    static List<CodeToken> tokens(String src, Language language) {
        return lex(src, language).out;
    }

    static CodeLexer lex(String src, Language language) {
        CodeLexer l = new CodeLexer(src, language, 0);
        l.run(-1);
        return l;
    }

    List<CodeToken> tokens() {
        return out;
    }

    /** The comments read: {@code [start of the marker, start of the text, end of the text]}. */
    List<int[]> comments() {
        return comments;
    }

    /** Lexes until end of text, or (when {@code closeBrace}) an unbalanced close brace, left unread. */
    private void run(int closeBrace) {
        int braces = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' || c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#' && language == Language.PYTHON) {
                int from = pos;
                skipLine();
                comments.add(new int[] {from, from + 1, pos});
            } else if (c == '/' && language == Language.JAVASCRIPT && peek(1) == '/') {
                int from = pos;
                skipLine();
                comments.add(new int[] {from, from + 2, pos});
            } else if (c == '/' && language == Language.JAVASCRIPT && peek(1) == '*') {
                int from = pos;
                int close = src.indexOf("*/", pos + 2);
                pos = close < 0 ? src.length() : close + 2;
                comments.add(new int[] {from, from + 2, close < 0 ? src.length() : close});
            } else if (c == '/' && language == Language.JAVASCRIPT && regexAllowed()) {
                regex();
            } else if (c == '\'' || c == '"') {
                string(pos, pos, false);
            } else if (c == '`' && language == Language.JAVASCRIPT) {
                template();
            } else if (Character.isJavaIdentifierStart(c)) {
                name();
            } else if (Character.isDigit(c)) {
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                        || src.charAt(pos) == '_')) {
                    pos++;
                }
                out.add(new CodeToken(CodeToken.Type.PUNCT, "0", null, pos - 1, pos));
            } else if (c == '\\') {
                pos += 2; // a Python line continuation, or a stray escape
            } else {
                if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    if (closeBrace >= 0 && braces == 0) {
                        return;
                    }
                    braces--;
                }
                out.add(new CodeToken(CodeToken.Type.PUNCT, String.valueOf(c), null, pos, pos + 1));
                pos++;
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private void skipLine() {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl;
    }

    private void name() {
        int from = pos;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        String word = src.substring(from, pos);
        if (language == Language.PYTHON && pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"')
                && isStringPrefix(word)) {
            string(from, pos, word.toLowerCase().contains("r"));
            return;
        }
        out.add(new CodeToken(CodeToken.Type.NAME, word, null, from, pos));
    }

    private static boolean isStringPrefix(String w) {
        String l = w.toLowerCase();
        return Set.of("r", "u", "b", "f", "rb", "br", "fr", "rf").contains(l);
    }

    private boolean regexAllowed() {
        if (out.isEmpty()) {
            return true;
        }
        CodeToken last = out.get(out.size() - 1);
        if (last.type() == CodeToken.Type.NAME) {
            return REGEX_AFTER_WORDS.contains(last.text());
        }
        if (last.type() == CodeToken.Type.STRING) {
            return false;
        }
        return !(last.is(")") || last.is("]") || last.is("}") || last.is("0"));
    }

    private void regex() {
        pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n') {
                break;
            }
            pos++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
        out.add(new CodeToken(CodeToken.Type.PUNCT, "/re/", null, pos - 1, pos));
    }

    /** A quoted string whose token starts at {@code tokenStart} and whose quote is at {@code quote}. */
    private void string(int tokenStart, int quote, boolean raw) {
        char q = src.charAt(quote);
        boolean triple = language == Language.PYTHON && src.startsWith("" + q + q + q, quote);
        int k = quote + (triple ? 3 : 1);
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        while (k < src.length()) {
            char c = src.charAt(k);
            if (triple ? src.startsWith("" + q + q + q, k) : c == q) {
                k += triple ? 3 : 1;
                break;
            }
            if (c == '\n' && !triple) {
                break; // unterminated on its line
            }
            if (c == '\\' && k + 1 < src.length()) {
                if (raw) {
                    b.add(c, k, k + 1).add(src.charAt(k + 1), k + 1, k + 2);
                    k += 2;
                } else {
                    k = escape(k, b);
                }
                continue;
            }
            b.add(c, k, k + 1);
            k++;
        }
        pos = k;
        out.add(new CodeToken(CodeToken.Type.STRING, null, b.build(false), tokenStart, k));
    }

    /** Decodes the escape at {@code k} into {@code b}; returns the offset after it. */
    private int escape(int k, ShellSnippet.Builder b) {
        char e = src.charAt(k + 1);
        if (e == '\n') {
            return k + 2; // line continuation inside a string
        }
        if (e == '\r') {
            return k + (peekAt(k + 2) == '\n' ? 3 : 2);
        }
        int hex = e == 'x' ? 2 : e == 'u' ? 4 : (e == 'U' && language == Language.PYTHON) ? 8 : 0;
        if (e == 'u' && language == Language.JAVASCRIPT && peekAt(k + 2) == '{') {
            int close = src.indexOf('}', k + 3);
            if (close > 0) {
                return codePoint(k, k + 3, close, close + 1, b);
            }
        }
        if (hex > 0 && k + 2 + hex <= src.length()) {
            return codePoint(k, k + 2, k + 2 + hex, k + 2 + hex, b);
        }
        if (language == Language.PYTHON && e >= '0' && e <= '7') {
            int end = k + 1;
            while (end < src.length() && end < k + 4 && src.charAt(end) >= '0' && src.charAt(end) <= '7') {
                end++;
            }
            b.add((char) Integer.parseInt(src.substring(k + 1, end), 8), k, end);
            return end;
        }
        char d;
        switch (e) {
            case 'n' -> d = '\n';
            case 't' -> d = '\t';
            case 'r' -> d = '\r';
            case 'b' -> d = '\b';
            case 'f' -> d = '\f';
            case 'v' -> d = '\u000B';
            case '0' -> d = '\0';
            case '\\', '\'', '"', '`', '$' -> d = e;
            default -> {
                if (language == Language.PYTHON) {
                    b.add('\\', k, k + 1); // Python keeps unknown escapes as written
                }
                d = e;
            }
        }
        b.add(d, k, k + 2);
        return k + 2;
    }

    private char peekAt(int i) {
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private int codePoint(int k, int digitsFrom, int digitsTo, int after, ShellSnippet.Builder b) {
        try {
            for (char ch : Character.toChars(Integer.parseInt(src.substring(digitsFrom, digitsTo), 16))) {
                b.add(ch, k, after);
            }
        } catch (IllegalArgumentException bad) {
            b.add(src.charAt(k + 1), k, k + 2);
            return k + 2;
        }
        return after;
    }

    /**
     * A template literal: its text parts decoded; each {@code ${...}} kept as written (a shell reading it sees a
     * parameter expansion), its code lexed only to find where it ends.
     */
    private void template() {
        int start = pos;
        int k = pos + 1;
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        while (k < src.length()) {
            char c = src.charAt(k);
            if (c == '`') {
                k++;
                break;
            }
            if (c == '\\' && k + 1 < src.length()) {
                k = escape(k, b);
                continue;
            }
            if (c == '$' && peekAt(k + 1) == '{') {
                CodeLexer inner = new CodeLexer(src, language, k + 2);
                inner.run(0);
                int close = Math.min(src.length(), inner.pos + 1);
                for (int i = k; i < close; i++) {
                    b.add(src.charAt(i), i, i + 1);
                }
                k = close; // calls inside a substitution are not looked at

                continue;
            }
            b.add(c, k, k + 1);
            k++;
        }
        pos = k;
        out.add(new CodeToken(CodeToken.Type.STRING, "`", b.build(false), start, k));
    }
}
