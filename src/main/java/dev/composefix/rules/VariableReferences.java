package dev.composefix.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value as written refers to variables: the ranges of {@code ${...}} (with nested templates
 * in defaults) and {@code $NAME}, which interpolation replaces. {@code $$} is a literal dollar, not a
 * reference. Fixes never edit inside these ranges: the text there is decided where the stack runs.
 */
final class VariableReferences {

    private VariableReferences() {
    }

    /** The {@code [start, end)} ranges of the references in {@code raw}, in order. */
    static List<int[]> spans(String raw) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) != '$' || i + 1 >= raw.length()) {
                i++;
                continue;
            }
            char n = raw.charAt(i + 1);
            if (n == '$') {
                i += 2;
            } else if (n == '{') {
                int depth = 0;
                int j = i;
                while (j < raw.length()) {
                    if (raw.startsWith("${", j)) {
                        depth++;
                        j += 2;
                        continue;
                    }
                    if (raw.charAt(j) == '}' && --depth == 0) {
                        break;
                    }
                    j++;
                }
                int end = Math.min(raw.length(), j + 1);
                out.add(new int[] {i, end});
                i = end;
            } else if (Character.isLetter(n) || n == '_') {
                int j = i + 1;
                while (j < raw.length() && (Character.isLetterOrDigit(raw.charAt(j)) || raw.charAt(j) == '_')) {
                    j++;
                }
                out.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Whether {@code [start, end)} touches any of {@code spans}. */
    static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }
}
