package dev.composefix.rewrite;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** A unified diff (as {@code diff -u} prints it, three lines of context) made with java-diff-utils. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, or the empty string when they are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(path, path, a, patch, 3);
        StringBuilder s = new StringBuilder();
        for (String line : out) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** Lines without their '\n' (a '\r' of CRLF stays, so such lines show as they are). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
