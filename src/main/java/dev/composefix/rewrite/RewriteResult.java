package dev.composefix.rewrite;

import dev.composefix.engine.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rewrite did: for each file of the project (by name, the first file first) its original and
 * new text (without a byte-order mark; {@code bom} says whether to write one), the findings the fixes
 * repaired, the findings left (unfixable, display-only or unsafe), and how many passes it took.
 */
public record RewriteResult(Map<String, FileText> files, List<Finding> fixed, List<Finding> remaining, int passes) {

    /** One file's text before and after. */
    public record FileText(String original, String text, boolean bom) {

        public boolean changed() {
            return !original.equals(text);
        }
    }

    public RewriteResult {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        fixed = List.copyOf(fixed);
        remaining = List.copyOf(remaining);
    }

    private FileText first() {
        return files.values().iterator().next();
    }

    /** The first file's original text. */
    public String original() {
        return first().original();
    }

    /** The first file's new text. */
    public String text() {
        return first().text();
    }

    public boolean bom() {
        return first().bom();
    }

    /** Whether any file changes. */
    public boolean changed() {
        for (FileText f : files.values()) {
            if (f.changed()) {
                return true;
            }
        }
        return false;
    }

    /** The names of the files that change, in project order. */
    public List<String> changedFiles() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, FileText> e : files.entrySet()) {
            if (e.getValue().changed()) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
