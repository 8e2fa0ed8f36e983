package dev.composefix.shell;

import java.util.regex.Pattern;

/**
 * Reads one shell word: quote removal, escapes, and expansions kept as written. Commands inside
 * {@code $(..)}, backticks and process substitutions are handed to the {@link ScriptParser}.
 */
final class WordLexer {
    /** How far ahead {@code ((} looks for its {@code ))} before deciding it is two subshells. */
    private static final int ARITHMETIC_LOOKAHEAD = 4096;
    /** Parentheses nested deeper than this inside {@code ((} mean it is not arithmetic. */
    private static final int ARITHMETIC_MAX_PARENS = 32;
    private static final Pattern ASSIGNMENT_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=");

    private final SourceCursor in;
    private final ScriptParser parser;

    WordLexer(SourceCursor in, ScriptParser parser) {
        this.in = in;
        this.parser = parser;
    }

    /** Reads the word that starts here (the caller checked {@link SourceCursor#atWordStart()}). */
    Word read(int loop) {
        WordBuilder b = new WordBuilder(in.pos);
        while (!in.atEnd()) {
            char c = in.peek();
            if (SourceCursor.isBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
                break;
            }
            if (c == '<' || c == '>') {
                if (in.peek(1) != '(') {
                    break;
                }
                substitution(b, loop); // process substitution <(cmd) or >(cmd)
                continue;
            }
            if (c == '(') {
                boolean array = ASSIGNMENT_PREFIX.matcher(in.src.substring(b.start(), in.pos)).matches();
                boolean extglob = in.pos > b.start() && "@!+*?".indexOf(in.src.charAt(in.pos - 1)) >= 0;
                if (!array && !extglob) {
                    break;
                }
                int from = in.pos;
                scanBalanced(loop);
                b.addRaw(in.src, from, in.pos);
                continue;
            }
            switch (c) {
                case '\\':
                    escape(b);
                    break;
                case '\'':
                    singleQuoted(b);
                    break;
                case '"':
                    doubleQuoted(b, loop);
                    break;
                case '$':
                    dollar(b, false, loop);
                    break;
                case '`':
                    backtick(b, false, loop);
                    break;
                default:
                    b.add(c, in.pos, in.pos + 1);
                    in.pos++;
            }
        }
        return b.build(in.pos);
    }

    /** At the {@code (} of {@code ((}: true when it closes with {@code ))}, i.e. it is arithmetic. */
    boolean isArithmetic(int open) {
        int depth = 0;
        int limit = Math.min(in.len, open + ARITHMETIC_LOOKAHEAD);
        for (int i = open + 1; i < limit; i++) {
            char c = in.src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                if (++depth > ARITHMETIC_MAX_PARENS) {
                    return false;
                }
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1 < in.len && in.src.charAt(i + 1) == ')';
                }
                if (depth < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** At {@code (}: reads through the matching {@code )} (arithmetic, array values, extglob). */
    void scanBalanced(int loop) {
        if (!parser.enterNested()) {
            in.pos++;
            in.skipPast(')', '(');
            return;
        }
        WordBuilder ignored = new WordBuilder(in.pos);
        int open = 0;
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '(') {
                open++;
                in.pos++;
            } else if (c == ')') {
                open--;
                in.pos++;
                if (open <= 0) {
                    break;
                }
            } else if (c == '\\') {
                in.pos = Math.min(in.len, in.pos + 2);
            } else if (c == '\'') {
                in.skipSingleQuoted();
            } else if (c == '"') {
                doubleQuoted(ignored, loop);
            } else if (c == '$') {
                dollar(ignored, false, loop);
            } else if (c == '`') {
                backtick(ignored, false, loop);
            } else {
                in.pos++;
            }
        }
        parser.leaveNested();
    }

    private void escape(WordBuilder b) {
        if (in.pos + 1 >= in.len) {
            b.add('\\', in.pos, in.pos + 1);
            in.pos++;
        } else if (in.at("\\\n")) {
            in.pos += 2;
        } else if (in.at("\\\r\n")) {
            in.pos += 3;
        } else {
            b.add(in.peek(1), in.pos, in.pos + 2);
            b.markQuoted();
            in.pos += 2;
        }
    }

    private void singleQuoted(WordBuilder b) {
        b.markQuoted();
        in.pos++;
        while (!in.atEnd() && in.peek() != '\'') {
            b.add(in.peek(), in.pos, in.pos + 1);
            in.pos++;
        }
        if (!in.atEnd()) {
            in.pos++;
        }
    }

    /** At {@code "}: reads through the closing quote. */
    private void doubleQuoted(WordBuilder b, int loop) {
        b.markQuoted();
        in.pos++;
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '"') {
                in.pos++;
                return;
            }
            if (c == '\\' && in.pos + 1 < in.len) {
                char next = in.peek(1);
                if (next == '\n') {
                    in.pos += 2;
                } else if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    b.add(next, in.pos, in.pos + 2);
                    in.pos += 2;
                } else {
                    b.add(c, in.pos, in.pos + 1);
                    in.pos++;
                }
            } else if (c == '$') {
                dollar(b, true, loop);
            } else if (c == '`') {
                backtick(b, true, loop);
            } else {
                b.add(c, in.pos, in.pos + 1);
                in.pos++;
            }
        }
    }

    /** At {@code $}: an expansion, a {@code $'..'} or {@code $".."} string, or a plain dollar sign. */
    private void dollar(WordBuilder b, boolean inDoubleQuotes, int loop) {
        int from = in.pos;
        char next = in.peek(1); // '\0' at the end: a plain dollar sign
        if (next == '\'' && !inDoubleQuotes) {
            AnsiCString.read(in, b);
            return;
        }
        if (next == '"' && !inDoubleQuotes) {
            in.pos++;
            doubleQuoted(b, loop);
            return;
        }
        if (next == '(') {
            if (in.peek(2) == '(' && isArithmetic(in.pos + 1)) {
                in.pos++;
                scanBalanced(loop);
            } else {
                substitution(b, loop);
                return;
            }
        } else if (next == '{') {
            in.pos += 2;
            braceParameter(loop);
        } else if (next == '_' || SourceCursor.isAsciiLetter(next)) {
            in.pos += 2;
            while (!in.atEnd() && SourceCursor.isNameChar(in.peek())) {
                in.pos++;
            }
        } else if (SourceCursor.isDigit(next) || "@*#?-$!".indexOf(next) >= 0) {
            in.pos += 2;
        } else {
            b.add('$', in.pos, in.pos + 1);
            in.pos++;
            return;
        }
        b.addRaw(in.src, from, in.pos);
        b.markExpansion();
    }

    /** At {@code $(}, {@code <(} or {@code >(}: parses the commands inside and keeps the text as written. */
    private void substitution(WordBuilder b, int loop) {
        int from = in.pos;
        in.pos += 2;
        if (parser.enterNested()) {
            parser.parseUntilParen(loop);
            parser.leaveNested();
            if (!in.atEnd()) {
                in.pos++; // the closing ')'
            }
        } else {
            in.skipPast(')', '(');
        }
        b.addRaw(in.src, from, in.pos);
        b.markExpansion();
    }

    /** After {@code ${}: reads through the matching {@code }}, parsing any command substitution inside. */
    private void braceParameter(int loop) {
        if (!parser.enterNested()) {
            in.skipPast('}', '{');
            return;
        }
        WordBuilder ignored = new WordBuilder(in.pos);
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '}') {
                in.pos++;
                break;
            }
            switch (c) {
                case '\\':
                    in.pos = Math.min(in.len, in.pos + 2);
                    break;
                case '\'':
                    in.skipSingleQuoted();
                    break;
                case '"':
                    doubleQuoted(ignored, loop);
                    break;
                case '$':
                    dollar(ignored, true, loop);
                    break;
                case '`':
                    backtick(ignored, false, loop);
                    break;
                default:
                    in.pos++;
            }
        }
        parser.leaveNested();
    }

    /** At {@code `}: the body, with its backslash escapes undone, is parsed as a script of its own. */
    private void backtick(WordBuilder b, boolean inDoubleQuotes, int loop) {
        int from = in.pos;
        in.pos++;
        WordBuilder body = new WordBuilder(in.pos);
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '`') {
                in.pos++;
                break;
            }
            char next = in.peek(1);
            if (c == '\\' && (next == '`' || next == '\\' || next == '$' || (inDoubleQuotes && next == '"'))) {
                body.add(next, in.pos, in.pos + 2);
                in.pos += 2;
            } else {
                body.add(c, in.pos, in.pos + 1);
                in.pos++;
            }
        }
        b.addRaw(in.src, from, in.pos);
        b.markExpansion();
        parser.parseEmbedded(body.build(in.pos), loop);
    }
}
