package dev.composefix.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Makefile's recipes the way GNU make hands them to the shell: each recipe line (a tab-indented line
 * after a rule, or the text after {@code ;} on the rule line) is one shell text; backslash-newline continues it
 * (the next line's leading tab removed, the backslash-newline kept for the shell); the {@code @ - +} prefixes
 * are dropped; {@code $$} becomes {@code $}; {@code $(NAME)} and {@code ${NAME}} of a variable set once to a
 * plain value ({@code DOCKER ?= docker}) become that value. {@code define} blocks are skipped.
 */
final class MakefileSource {

    private final String text;
    private final List<int[]> lines = new ArrayList<>(); // [start, end without newline]
    private final Map<String, String> variables = new HashMap<>();

    private MakefileSource(String text) {
        this.text = text;
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int content = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new int[] {start, content});
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
    }

    static List<ShellSnippet> read(String text) {
        MakefileSource m = new MakefileSource(text);
        m.collectVariables();
        return m.recipes();
    }

    private String line(int i) {
        return text.substring(lines.get(i)[0], lines.get(i)[1]);
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The logical line starting at physical line {@code i} (continuations joined with a space). */
    private String logical(int i, int[] last) {
        StringBuilder b = new StringBuilder(line(i));
        int j = i;
        while (continues(b.toString()) && j + 1 < lines.size()) {
            b.setLength(b.length() - 1);
            b.append(' ').append(line(++j).strip());
        }
        last[0] = j;
        return b.toString();
    }

    private void collectVariables() {
        Map<String, Integer> counts = new HashMap<>();
        int[] last = new int[1];
        boolean define = false;
        for (int i = 0; i < lines.size(); i = last[0] + 1) {
            String l = logical(i, last);
            if (l.startsWith("\t")) {
                continue;
            }
            String t = stripComment(l).strip();
            if (define) {
                define = !t.equals("endef");
                continue;
            }
            if (t.startsWith("define ") || t.equals("define")) {
                define = true;
                continue;
            }
            Assignment a = assignment(t);
            if (a != null) {
                Integer seen = counts.get(a.name); // not merge(..., Integer::sum), which a start would link
                counts.put(a.name, seen == null ? 1 : seen + 1);
                String value = a.value.strip();
                boolean plain = value.indexOf('$') < 0 && (a.op.equals("=") || a.op.equals(":=")
                        || a.op.equals("?=") || a.op.equals("::=") || a.op.equals(":::="));
                variables.put(a.name, plain && counts.get(a.name) == 1 ? value : null);
            }
        }
        for (java.util.Iterator<String> it = variables.values().iterator(); it.hasNext(); ) {
            if (it.next() == null) {
                it.remove();
            }
        }
    }

    private record Assignment(String name, String op, String value) {
    }

    /** {@code [export|override] NAME OP VALUE}, or null when {@code t} is not an assignment. */
    static Assignment assignment(String t) {
        String s = t;
        for (String prefix : new String[] {"export ", "override ", "private "}) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length()).stripLeading();
            }
        }
        int depth = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (depth == 0 && (c == '=' || c == ':')) {
                String op;
                int opStart = k;
                if (c == '=') {
                    op = "=";
                    if (k > 0 && "?+!".indexOf(s.charAt(k - 1)) >= 0) {
                        opStart = k - 1;
                        op = s.charAt(k - 1) + "=";
                    }
                } else if (s.startsWith(":::=", k)) {
                    op = ":::=";
                } else if (s.startsWith("::=", k)) {
                    op = "::=";
                } else if (s.startsWith(":=", k)) {
                    op = ":=";
                } else {
                    return null; // a rule
                }
                String name = s.substring(0, opStart).strip();
                if (name.isEmpty() || name.contains(" ") || name.contains("$")) {
                    return null;
                }
                return new Assignment(name, op, s.substring(opStart + op.length()));
            }
        }
        return null;
    }

    /** Drops a {@code #} comment (not after a backslash) from a non-recipe line. */
    private static String stripComment(String l) {
        for (int k = 0; k < l.length(); k++) {
            if (l.charAt(k) == '\\') {
                k++;
            } else if (l.charAt(k) == '#') {
                return l.substring(0, k);
            }
        }
        return l;
    }

    private List<ShellSnippet> recipes() {
        List<ShellSnippet> out = new ArrayList<>();
        boolean inRule = false;
        boolean define = false;
        int[] last = new int[1];
        for (int i = 0; i < lines.size(); i = last[0] + 1) {
            String raw = line(i);
            if (raw.startsWith("\t") && inRule && !define) {
                out.add(recipe(i, lines.get(i)[0] + 1, last));
                continue;
            }
            String l = logical(i, last);
            String t = stripComment(l).strip();
            if (define) {
                define = !t.equals("endef");
                continue;
            }
            if (t.isEmpty() || raw.startsWith("\t")) {
                continue; // blank lines and comments keep the rule open
            }
            if (t.startsWith("define ") || t.equals("define")) {
                define = true;
                inRule = false;
                continue;
            }
            String first = t.split("[ \t(]", 2)[0];
            if (first.equals("ifeq") || first.equals("ifneq") || first.equals("ifdef") || first.equals("ifndef")
                    || first.equals("else") || first.equals("endif")) {
                continue;
            }
            if (assignment(t) != null) {
                inRule = false;
                continue;
            }
            int colon = topLevel(raw, ':', 0);
            inRule = colon >= 0;
            if (colon >= 0 && !continues(raw)) {
                int semi = topLevel(raw, ';', colon);
                int hash = raw.indexOf('#', colon);
                if (semi >= 0 && (hash < 0 || hash > semi)) {
                    int[] ignored = new int[1];
                    out.add(recipe(i, lines.get(i)[0] + semi + 1, ignored));
                }
            }
        }
        return out;
    }

    private static int topLevel(String s, char wanted, int from) {
        int depth = 0;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** One recipe line from offset {@code from} of physical line {@code i}, continuations included. */
    private ShellSnippet recipe(int i, int from, int[] last) {
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        int j = i;
        int at = from;
        boolean prefix = true;
        while (true) {
            int end = lines.get(j)[1];
            int k = at;
            while (k < end) {
                char c = text.charAt(k);
                if (prefix) {
                    if (c == '@' || c == '-' || c == '+' || c == ' ' || c == '\t') {
                        k++;
                        continue;
                    }
                    prefix = false;
                }
                if (c == '$' && k + 1 < end) {
                    char n = text.charAt(k + 1);
                    if (n == '$') {
                        b.add('$', k, k + 2);
                        k += 2;
                        continue;
                    }
                    if (n == '(' || n == '{') {
                        int close = text.indexOf(n == '(' ? ')' : '}', k + 2);
                        if (close > 0 && close < end) {
                            String value = variables.get(text.substring(k + 2, close));
                            if (value != null) {
                                b.addAll(value, k, close + 1);
                                k = close + 1;
                                continue;
                            }
                        }
                    }
                }
                b.add(c, k, k + 1);
                k++;
            }
            if (!continues(text.substring(lines.get(j)[0], end)) || j + 1 >= lines.size()) {
                break;
            }
            // make passes backslash-newline on to the shell, and drops one leading tab of the next line
            b.add('\n', end, end + 1);
            j++;
            at = lines.get(j)[0];
            if (at < lines.get(j)[1] && text.charAt(at) == '\t') {
                at++;
            }
        }
        last[0] = j;
        return b.build(true);
    }
}
