package dev.composefix.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file the way Compose does: {@code KEY=VALUE} lines, an optional
 * {@code export} prefix, {@code #} comments (inline ones only after whitespace in unquoted values),
 * single quotes literal, double quotes with escapes and line breaks, and interpolation of earlier
 * keys in unquoted and double-quoted values. Lines it cannot read are skipped, never fatal.
 */
public final class DotEnv {

    private DotEnv() {
    }

    public static Map<String, String> parse(String text, Variables outer) {
        Map<String, String> values = new LinkedHashMap<>();
        Variables lookup = outer.then(Variables.of(values));
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = text.substring(i, lineEnd).strip();
            int next = lineEnd + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                i = next;
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).stripLeading();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                i = next;
                continue;
            }
            String key = line.substring(0, eq).strip();
            String rest = line.substring(eq + 1).stripLeading();
            String value;
            if (rest.startsWith("'") || rest.startsWith("\"")) {
                char q = rest.charAt(0);
                String raw0 = text.substring(i, lineEnd);
                int valueStart = i + raw0.indexOf(q, raw0.indexOf('=')) + 1;
                int close = findClose(text, valueStart, q);
                if (close < 0) {
                    value = rest.substring(1);
                } else {
                    String raw = text.substring(valueStart, close);
                    value = q == '"' ? unescape(raw) : raw;
                    int after = text.indexOf('\n', close);
                    next = after < 0 ? n : after + 1;
                }
                if (q == '"') {
                    value = new Interpolator(lookup).apply(value).text();
                }
            } else {
                int hash = rest.indexOf(" #");
                int tab = rest.indexOf("\t#");
                int cut = hash < 0 ? tab : tab < 0 ? hash : Math.min(hash, tab);
                value = (cut >= 0 ? rest.substring(0, cut) : rest).strip();
                value = new Interpolator(lookup).apply(value).text();
            }
            values.put(key, value);
            i = next;
        }
        return values;
    }

    private static int findClose(String text, int from, char q) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\' && q == '"') {
                j++;
            } else if (c == q) {
                return j;
            }
        }
        return -1;
    }

    private static String unescape(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int j = 0; j < raw.length(); j++) {
            char c = raw.charAt(j);
            if (c == '\\' && j + 1 < raw.length()) {
                char e = raw.charAt(++j);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
