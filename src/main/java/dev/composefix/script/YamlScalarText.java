package dev.composefix.script;

import dev.composefix.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a YAML scalar with each char mapped to where it is written, for every scalar style: the
 * written text is first decoded into (char, source range) units (quote doubling and backslash escapes undone,
 * block headers skipped), then the value is aligned against those units in order: a value char is the next
 * unit with the same char, a space from line folding is the line break it replaces, and units the value does
 * not have (indentation, folded line breaks, trailing blanks) are passed over. When the alignment fails, every
 * char maps to the whole scalar.
 */
final class YamlScalarText {

    private record Unit(char c, int from, int to) {
    }

    private YamlScalarText() {
    }

    static ShellSnippet of(String text, YScalar s) {
        int start = s.span().start().offset();
        int end = Math.min(text.length(), s.span().end().offset());
        List<Unit> units = units(text, s.style(), start, end);
        String value = s.value();
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        int p = 0;
        for (int i = 0; i < value.length(); i++) {
            char v = value.charAt(i);
            while (p < units.size() && !(units.get(p).c == v || (v == ' ' && units.get(p).c == '\n'))) {
                p++;
            }
            if (p == units.size()) {
                return whole(value, start, end);
            }
            Unit u = units.get(p++);
            b.add(v, u.from, u.to);
        }
        return b.build(false);
    }

    private static ShellSnippet whole(String value, int start, int end) {
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        b.addAll(value, start, Math.max(start, end));
        return b.build(false);
    }

    private static List<Unit> units(String text, YScalar.Style style, int start, int end) {
        List<Unit> out = new ArrayList<>();
        switch (style) {
            case LITERAL, FOLDED -> {
                int nl = text.indexOf('\n', start);
                for (int k = nl < 0 ? end : nl + 1; k < end; k++) {
                    out.add(new Unit(text.charAt(k), k, k + 1));
                }
            }
            case PLAIN -> {
                for (int k = start; k < end; k++) {
                    out.add(new Unit(text.charAt(k), k, k + 1));
                }
            }
            case SINGLE_QUOTED -> {
                for (int k = start + 1; k < end - 1; k++) {
                    char c = text.charAt(k);
                    if (c == '\'' && k + 1 < end - 1 && text.charAt(k + 1) == '\'') {
                        out.add(new Unit('\'', k, k + 2));
                        k++;
                    } else {
                        out.add(new Unit(c, k, k + 1));
                    }
                }
            }
            case DOUBLE_QUOTED -> doubleQuoted(text, start + 1, end - 1, out);
            default -> {
            }
        }
        return out;
    }

    private static void doubleQuoted(String text, int from, int to, List<Unit> out) {
        int k = from;
        while (k < to) {
            char c = text.charAt(k);
            if (c != '\\' || k + 1 >= to) {
                out.add(new Unit(c, k, k + 1));
                k++;
                continue;
            }
            char e = text.charAt(k + 1);
            int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (hex > 0 && k + 2 + hex <= to) {
                try {
                    int cp = Integer.parseInt(text.substring(k + 2, k + 2 + hex), 16);
                    for (char ch : Character.toChars(cp)) {
                        out.add(new Unit(ch, k, k + 2 + hex));
                    }
                } catch (IllegalArgumentException bad) {
                    out.add(new Unit(e, k, k + 2));
                }
                k += 2 + hex;
                continue;
            }
            if (e == '\n' || e == '\r') {
                // an escaped line break: nothing, and the next line's leading blanks go too
                k += e == '\r' && k + 2 < to && text.charAt(k + 2) == '\n' ? 3 : 2;
                while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k++;
                }
                continue;
            }
            out.add(new Unit(simpleEscape(e), k, k + 2));
            k += 2;
        }
    }

    private static char simpleEscape(char e) {
        return switch (e) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 't', '\t' -> '\t';
            case 'n' -> '\n';
            case 'v' -> '\u000B';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'e' -> '\u001B';
            case 'N' -> '\u0085';
            case '_' -> '\u00A0';
            case 'L' -> '\u2028';
            case 'P' -> '\u2029';
            default -> e; // space, quote, slash, backslash
        };
    }
}
