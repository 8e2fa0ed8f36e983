package dev.composefix.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A gitignore glob compiled to a small NFA and matched on UTF-8 bytes in O(pattern x text) time.
 *
 * <p>Semantics follow git's wildmatch with {@code WM_PATHNAME}: {@code *}, {@code ?} and bracket
 * expressions never match {@code /}; {@code **} matches across directories only when it is a
 * whole path component ({@code **}{@code /x}, {@code x/**}, {@code x/**}{@code /y}), otherwise it is an
 * ordinary {@code *}; a backslash quotes the next byte. A malformed bracket expression or a
 * trailing backslash makes the glob match nothing, as in git.
 */
final class Glob {

    // Token kinds. Every state i (0 <= i < size) holds one token; state size accepts.
    private static final byte BYTE = 0;      // one given byte
    private static final byte ANY = 1;       // any byte but '/'
    private static final byte SET = 2;       // a byte in a bracket expression (never '/')
    private static final byte STAR = 3;      // any run of bytes without '/'
    private static final byte ANY_RUN = 4;   // any run of bytes, '/' included
    private static final byte FORK = 5;      // epsilon to i + 1 and to arg[i]

    private final byte[] kinds;
    private final int[] args;
    private final long[][] sets;
    private final int size;
    /** Non-null when the glob has no wildcard and matches exactly these bytes. */
    private final byte[] literal;
    private final boolean matchesNothing;

    private Glob(Builder b, byte[] literal, boolean matchesNothing) {
        this.kinds = Arrays.copyOf(b.kinds, b.size);
        this.args = Arrays.copyOf(b.args, b.size);
        this.sets = Arrays.copyOf(b.sets, b.size);
        this.size = b.size;
        this.literal = literal;
        this.matchesNothing = matchesNothing;
    }

    static Glob compile(String pattern) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        if (!hasWildcard(p)) {
            return new Glob(new Builder(0), p, false);
        }
        Builder b = new Builder(p.length * 3 + 1);
        int i = 0;
        while (i < p.length) {
            byte c = p[i];
            if (c == '\\') {
                if (i + 1 == p.length) {
                    return new Glob(new Builder(0), null, true);
                }
                b.add(BYTE, p[i + 1] & 0xff, null);
                i += 2;
            } else if (c == '?') {
                b.add(ANY, 0, null);
                i++;
            } else if (c == '[') {
                BracketExpression cls = BracketExpression.parse(p, i);
                if (cls == null) {
                    return new Glob(new Builder(0), null, true);
                }
                b.add(SET, 0, cls.bits);
                i = cls.end;
            } else if (c == '*') {
                i = addStars(b, p, i);
            } else {
                b.add(BYTE, c & 0xff, null);
                i++;
            }
        }
        return new Glob(b, null, false);
    }

    private static int addStars(Builder b, byte[] p, int start) {
        int end = start;
        while (end < p.length && p[end] == '*') {
            end++;
        }
        boolean atComponentStart = start == 0 || p[start - 1] == '/';
        boolean slashNext = end < p.length && p[end] == '/';
        boolean quotedSlashNext = end + 1 < p.length && p[end] == '\\' && p[end + 1] == '/';
        boolean wholeComponent = end - start >= 2 && atComponentStart
                && (end == p.length || slashNext || quotedSlashNext);
        if (!wholeComponent) {
            b.add(STAR, 0, null);
            return end;
        }
        if (slashNext) {
            // "**/" matches zero or more leading directories: (any-run '/')?
            int fork = b.add(FORK, 0, null);
            b.add(ANY_RUN, 0, null);
            b.add(BYTE, '/', null);
            b.args[fork] = b.size;
            return end + 1;
        }
        b.add(ANY_RUN, 0, null);
        return end;
    }

    private static boolean hasWildcard(byte[] p) {
        for (byte c : p) {
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    boolean matches(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return matches(t, 0, t.length);
    }

    /** Whether the glob matches the bytes {@code text[from, to)}. */
    boolean matches(byte[] text, int from, int to) {
        if (matchesNothing) {
            return false;
        }
        if (literal != null) {
            return Arrays.equals(literal, 0, literal.length, text, from, to);
        }
        boolean[] current = new boolean[size + 1];
        boolean[] next = new boolean[size + 1];
        current[0] = true;
        close(current);
        for (int pos = from; pos < to; pos++) {
            int c = text[pos] & 0xff;
            Arrays.fill(next, false);
            boolean alive = false;
            for (int s = 0; s < size; s++) {
                if (!current[s]) {
                    continue;
                }
                switch (kinds[s]) {
                    case BYTE:
                        if (c == args[s]) {
                            next[s + 1] = alive = true;
                        }
                        break;
                    case ANY:
                        if (c != '/') {
                            next[s + 1] = alive = true;
                        }
                        break;
                    case SET:
                        if ((sets[s][c >>> 6] & (1L << c)) != 0) {
                            next[s + 1] = alive = true;
                        }
                        break;
                    case STAR:
                        if (c != '/') {
                            next[s] = alive = true;
                        }
                        break;
                    case ANY_RUN:
                        next[s] = alive = true;
                        break;
                    default:
                        break;
                }
            }
            if (!alive) {
                return false;
            }
            close(next);
            boolean[] swap = current;
            current = next;
            next = swap;
        }
        return current[size];
    }

    /** Adds the epsilon successors; they all point forward, so one ascending pass suffices. */
    private void close(boolean[] states) {
        for (int s = 0; s < size; s++) {
            if (!states[s]) {
                continue;
            }
            byte k = kinds[s];
            if (k == STAR || k == ANY_RUN) {
                states[s + 1] = true;
            } else if (k == FORK) {
                states[s + 1] = true;
                states[args[s]] = true;
            }
        }
    }

    private static final class Builder {
        final byte[] kinds;
        final int[] args;
        final long[][] sets;
        int size;

        Builder(int capacity) {
            kinds = new byte[capacity];
            args = new int[capacity];
            sets = new long[capacity][];
        }

        int add(byte kind, int arg, long[] set) {
            kinds[size] = kind;
            args[size] = arg;
            sets[size] = set;
            return size++;
        }
    }
}
