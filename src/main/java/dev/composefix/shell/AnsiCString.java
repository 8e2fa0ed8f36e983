package dev.composefix.shell;

/** Decodes a bash {@code $'...'} string; each decoded char maps to its whole escape sequence. */
final class AnsiCString {

    private AnsiCString() {
    }

    /** At {@code $'}: appends the decoded value to {@code b} and moves past the closing quote. */
    static void read(SourceCursor in, WordBuilder b) {
        b.markQuoted();
        in.pos += 2;
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '\'') {
                in.pos++;
                return;
            }
            if (c != '\\' || in.pos + 1 >= in.len) {
                b.add(c, in.pos, in.pos + 1);
                in.pos++;
                continue;
            }
            int from = in.pos;
            char e = in.peek(1);
            in.pos += 2;
            int code = escape(in, e);
            if (code == UNKNOWN) {
                b.add('\\', from, from + 1);
                b.add(e, from + 1, from + 2);
            } else if (code < 0) {
                b.addRaw(in.src, from, in.pos); // "\x" without digits stays as written
            } else {
                addCodePoint(b, code, from, in.pos);
            }
        }
    }

    private static final int UNKNOWN = -2;

    /** The code point of the escape whose letter {@code e} was just read; -1 if malformed, UNKNOWN if none. */
    private static int escape(SourceCursor in, char e) {
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'e':
            case 'E': return 27;
            case 'f': return 12;
            case 'v': return 11;
            case '\\':
            case '\'':
            case '"':
            case '?': return e;
            case 'x': return number(in, 16, 2);
            case 'u': return number(in, 16, 4);
            case 'U': return number(in, 16, 8);
            case 'c':
                if (in.atEnd()) {
                    return -1;
                }
                return in.src.charAt(in.pos++) & 0x1f;
            default:
                if (e >= '0' && e <= '7') {
                    in.pos--;
                    return number(in, 8, 3);
                }
                return UNKNOWN;
        }
    }

    /** Reads up to {@code maxDigits} ASCII digits in {@code radix}; -1 when there are none. */
    private static int number(SourceCursor in, int radix, int maxDigits) {
        long value = 0;
        int digits = 0;
        while (digits < maxDigits && !in.atEnd() && in.peek() < 128 && Character.digit(in.peek(), radix) >= 0) {
            value = value * radix + Character.digit(in.peek(), radix);
            in.pos++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        return value > Character.MAX_CODE_POINT ? 0xFFFD : (int) value;
    }

    private static void addCodePoint(WordBuilder b, int code, int from, int to) {
        int cp = Character.isValidCodePoint(code) ? code : 0xFFFD;
        char[] chars = Character.toChars(cp);
        b.add(chars[0], from, to);
        if (chars.length > 1) {
            b.add(chars[1], to, to);
        }
    }
}
