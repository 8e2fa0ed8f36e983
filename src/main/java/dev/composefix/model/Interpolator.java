package dev.composefix.model;

import java.util.Optional;

/**
 * Compose variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?err}}, {@code ${VAR?err}}, {@code ${VAR:+alt}},
 * {@code ${VAR+alt}}, nested templates inside defaults, and {@code $$} for a literal dollar. A variable
 * that is not defined and has no default is unknown, never empty.
 */
public final class Interpolator {

    private final Variables variables;

    public Interpolator(Variables variables) {
        this.variables = variables;
    }

    public Interpolated apply(String text) {
        if (text.indexOf('$') < 0) {
            return Interpolated.known(text);
        }
        Interpolated done = expanded.get(text);
        if (done == null) {
            State st = new State(text);
            StringBuilder out = new StringBuilder(text.length());
            boolean known = expand(st, out, false);
            done = new Interpolated(out.toString(), known);
            if (expanded.size() < EXPANDED_KEPT && text.length() <= 1024) {
                expanded.put(text, done);
            }
        }
        return done;
    }

    /**
     * Texts with a {@code $} already expanded (the same variables give the same text): the schema check,
     * the model and the rules read a file's templated values in turn, and one template is often written
     * for several services. Bounded: only the first ones, and only short ones, are kept.
     */
    private final java.util.Map<String, Interpolated> expanded = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int EXPANDED_KEPT = 4096;

    private static final class State {
        final String s;
        int i;

        State(String s) {
            this.s = s;
        }
    }

    /**
     * Copies text from {@code st} to {@code out}, expanding templates. Inside a {@code ${...}} default
     * ({@code nested}) stops at the matching close brace. Returns false if anything was unknown.
     */
    private boolean expand(State st, StringBuilder out, boolean nested) {
        boolean known = true;
        String s = st.s;
        int len = s.length();
        while (st.i < len) {
            // The plain text up to the next '$' (or, inside a default, '}') is copied whole.
            int from = st.i;
            int to;
            if (nested) {
                to = from;
                while (to < len && s.charAt(to) != '$' && s.charAt(to) != '}') {
                    to++;
                }
            } else {
                to = s.indexOf('$', from);
                to = to < 0 ? len : to;
            }
            if (to > from) {
                out.append(s, from, to);
                st.i = to;
                if (to == len) {
                    break;
                }
            }
            char c = s.charAt(st.i);
            if (c == '}') {
                return known; // only found inside a default
            }
            if (st.i + 1 >= s.length()) {
                out.append('$');
                st.i++;
                continue;
            }
            char n = s.charAt(st.i + 1);
            if (n == '$') {
                out.append('$');
                st.i += 2;
            } else if (n == '{') {
                known &= braced(st, out);
            } else if (isNameStart(n)) {
                int start = st.i + 1;
                int end = start;
                while (end < s.length() && isNamePart(s.charAt(end))) {
                    end++;
                }
                Optional<String> v = variables.get(s.substring(start, end));
                if (v.isPresent()) {
                    out.append(v.get());
                } else {
                    known = false;
                }
                st.i = end;
            } else {
                out.append('$');
                st.i++;
            }
        }
        return known;
    }

    /** Expands {@code ${...}} starting at {@code st.i}. */
    private boolean braced(State st, StringBuilder out) {
        String s = st.s;
        int nameStart = st.i + 2;
        int p = nameStart;
        while (p < s.length() && isNamePart(s.charAt(p))) {
            p++;
        }
        String name = s.substring(nameStart, p);
        if (name.isEmpty() || p >= s.length() || !isNameStart(name.charAt(0))) {
            // Not a template Compose accepts; it would fail there. Keep the text, call it unknown.
            out.append(s, st.i, Math.min(s.length(), p + 1));
            st.i = Math.min(s.length(), p + 1);
            return false;
        }
        char op = s.charAt(p);
        Optional<String> value = variables.get(name);
        if (op == '}') {
            st.i = p + 1;
            if (value.isPresent()) { // not ifPresent(out::append), a method reference a start would have to link
                out.append(value.get());
            }
            return value.isPresent();
        }
        boolean colon = op == ':';
        int opAt = colon ? p + 1 : p;
        if (opAt >= s.length()) {
            st.i = s.length();
            return false;
        }
        char kind = s.charAt(opAt);
        if (kind != '-' && kind != '?' && kind != '+') {
            out.append(s, st.i, opAt + 1);
            st.i = opAt + 1;
            return false;
        }
        st.i = opAt + 1;
        StringBuilder word = new StringBuilder();
        boolean wordKnown = expand(st, word, true);
        if (st.i < s.length()) {
            st.i++; // the closing brace
        } else {
            return false;
        }
        boolean set = value.isPresent() && (!colon || !value.get().isEmpty());
        switch (kind) {
            case '-' -> {
                if (set) {
                    out.append(value.get());
                    return true;
                }
                out.append(word);
                return wordKnown;
            }
            case '?' -> {
                if (set) {
                    out.append(value.get());
                    return true;
                }
                return false;
            }
            default -> {
                if (set) {
                    out.append(word);
                    return wordKnown;
                }
                // ${VAR:+alt} with VAR unset here: the runtime environment may well set it.
                return value.isPresent();
            }
        }
    }

    /** A character a variable name may start with: {@code [A-Za-z_]}. */
    public static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A character of a variable name: {@code [A-Za-z0-9_]}. */
    public static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** Whether {@code s[from, to)} is a variable name, {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isName(String s, int from, int to) {
        if (from >= to || !isNameStart(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!isNamePart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
