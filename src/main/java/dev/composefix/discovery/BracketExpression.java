package dev.composefix.discovery;

import java.nio.charset.StandardCharsets;

/**
 * A parsed glob bracket expression such as {@code [a-z]}, {@code [!0-9]} or {@code [[:alpha:]]},
 * as a set of bytes; {@code /} is never in the set.
 *
 * <p>Rules (those of git's wildmatch): {@code !} or {@code ^} first negates; a {@code ]} first (after
 * any negation) is literal; a backslash quotes the next byte; {@code x-y} is a byte range (empty
 * when reversed) unless the {@code -} is first or last; {@code [:name:]} is one of the twelve
 * ASCII POSIX classes, an unknown name is an error, and a {@code [:} without a closing {@code :]}
 * is a literal {@code [}. A missing {@code ]} is an error.
 */
final class BracketExpression {

    final long[] bits;
    /** Index just past the closing bracket. */
    final int end;

    private BracketExpression(long[] bits, int end) {
        this.bits = bits;
        this.end = end;
    }

    /** Parses the expression opening at {@code p[open] == '['}; null when malformed. */
    static BracketExpression parse(byte[] p, int open) {
        long[] bits = new long[4];
        int i = open + 1;
        boolean negated = i < p.length && (p[i] == '!' || p[i] == '^');
        if (negated) {
            i++;
        }
        int previous = -1; // the last single byte, a possible range start
        boolean first = true;
        while (true) {
            if (i >= p.length) {
                return null;
            }
            int c = p[i] & 0xff;
            if (c == ']' && !first) {
                i++;
                break;
            }
            first = false;
            if (c == '\\') {
                if (i + 1 >= p.length) {
                    return null;
                }
                previous = p[i + 1] & 0xff;
                add(bits, previous);
                i += 2;
            } else if (c == '-' && previous >= 0 && i + 1 < p.length && p[i + 1] != ']') {
                int high = p[i + 1] & 0xff;
                i += 2;
                if (high == '\\') {
                    if (i >= p.length) {
                        return null;
                    }
                    high = p[i] & 0xff;
                    i++;
                }
                for (int b = previous; b <= high; b++) {
                    add(bits, b);
                }
                previous = -1;
            } else if (c == '[' && i + 1 < p.length && p[i + 1] == ':') {
                int close = i + 2;
                while (close < p.length && p[close] != ']') {
                    close++;
                }
                if (close >= p.length) {
                    return null;
                }
                if (close == i + 2 || p[close - 1] != ':') {
                    add(bits, '[');          // "[:" without ":]": a literal '['
                    previous = '[';
                    i++;
                    continue;
                }
                String name = new String(p, i + 2, close - 1 - (i + 2), StandardCharsets.US_ASCII);
                if (!addClass(bits, name)) {
                    return null;
                }
                previous = -1;
                i = close + 1;
            } else {
                add(bits, c);
                previous = c;
                i++;
            }
        }
        if (negated) {
            for (int w = 0; w < 4; w++) {
                bits[w] = ~bits[w];
            }
        }
        bits['/' >>> 6] &= ~(1L << '/');
        return new BracketExpression(bits, i);
    }

    private static void add(long[] bits, int b) {
        bits[b >>> 6] |= 1L << b;
    }

    private static boolean addClass(long[] bits, String name) {
        for (int b = 0; b < 128; b++) {
            Boolean in = inClass(name, b);
            if (in == null) {
                return false;
            }
            if (in) {
                add(bits, b);
            }
        }
        return true;
    }

    /** ASCII membership as git defines it (its isspace excludes \v and \f); null for an unknown class. */
    private static Boolean inClass(String name, int b) {
        boolean upper = b >= 'A' && b <= 'Z';
        boolean lower = b >= 'a' && b <= 'z';
        boolean digit = b >= '0' && b <= '9';
        boolean print = b >= 0x20 && b <= 0x7e;
        boolean space = b == ' ' || b == '\t' || b == '\n' || b == '\r';
        switch (name) {
            case "alnum": return upper || lower || digit;
            case "alpha": return upper || lower;
            case "blank": return b == ' ' || b == '\t';
            case "cntrl": return b < 0x20 || b == 0x7f;
            case "digit": return digit;
            case "graph": return print && b != ' ';
            case "lower": return lower;
            case "print": return print;
            case "punct": return print && b != ' ' && !upper && !lower && !digit;
            case "space": return space;
            case "upper": return upper;
            case "xdigit": return digit || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            default: return null;
        }
    }
}
