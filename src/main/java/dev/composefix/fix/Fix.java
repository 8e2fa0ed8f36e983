package dev.composefix.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A fix for one finding: a title, how safe it is, the text edits that make it (no two of which may
 * conflict), and the paths of the YAML tree it means to change (such as
 * {@code services.web.deploy}); the rewrite refuses a result that changes anything else. A
 * {@code plan} fix is computed from the whole file (limits fitted into one budget, intervals
 * staggered together): the rewrite applies it only once no other fix is pending, so what other
 * fixes add (a health check, say) is part of the plan, whatever order fixes happen to land in.
 */
public record Fix(String title, FixSafety safety, List<TextEdit> edits, List<String> targets, boolean plan) {

    public Fix(String title, FixSafety safety, List<TextEdit> edits, List<String> targets) {
        this(title, safety, edits, targets, false);
    }

    public Fix {
        targets = List.copyOf(targets);
        if (!(edits instanceof CheckedEdits)) { // a fix made from another one's edits (withTitle) was checked
            List<TextEdit> copy = List.copyOf(edits);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("a fix needs at least one edit: " + title);
            }
            List<TextEdit> sorted = new ArrayList<>(copy);
            sorted.sort(java.util.Comparator.comparing((TextEdit e) -> String.valueOf(e.source()))
                    .thenComparing(e -> e));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).conflicts(sorted.get(i))) {
                    throw new IllegalArgumentException("overlapping edits in fix '" + title + "': "
                            + sorted.get(i - 1) + " and " + sorted.get(i));
                }
            }
            edits = new CheckedEdits(copy);
        }
    }

    /**
     * A fix's edits once checked (none empty, none overlapping): immutable, and not checked again when
     * a fix is remade from them, as plans spanning 10,000 services remake one fix per service.
     */
    private static final class CheckedEdits extends java.util.AbstractList<TextEdit> implements java.util.RandomAccess {
        private final List<TextEdit> edits;
        /** The smallest start, once asked for: a plan's edits are shared by thousands of fixes. */
        private volatile int start = -1;

        CheckedEdits(List<TextEdit> edits) {
            this.edits = edits;
        }

        int start() {
            int s = start;
            if (s < 0) {
                s = Integer.MAX_VALUE;
                for (TextEdit e : edits) {
                    s = Math.min(s, e.start());
                }
                start = s;
            }
            return s;
        }

        @Override
        public TextEdit get(int index) {
            return edits.get(index);
        }

        @Override
        public int size() {
            return edits.size();
        }
    }

    /**
     * The path of nested keys as fix targets and tree differences name them:
     * {@code services.web.deploy}; a key that is not a plain name is quoted,
     * {@code services["wazuh.master"].healthcheck}, so paths stay unambiguous.
     */
    public static String path(String... keys) {
        String p = "";
        for (String k : keys) {
            p = child(p, k);
        }
        return p;
    }

    /** {@code parent} extended by one key. */
    public static String child(String parent, String key) {
        if (plainKey(key)) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** Whether {@code key} matches {@code [A-Za-z0-9_-]+} (checked by hand: paths are made for every fix and every tree difference). */
    private static boolean plainKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** This fix under another title (one finding's part of a combined fix says what it does for that finding). */
    public Fix withTitle(String newTitle) {
        return new Fix(newTitle, safety, edits, targets, plan);
    }

    /** This fix, marked as computed from the whole file (see the class comment). */
    public Fix asPlan() {
        return new Fix(title, safety, edits, targets, true);
    }

    /** Whether any edit of this fix conflicts with any edit of {@code other}. */
    public boolean conflicts(Fix other) {
        for (TextEdit a : edits) {
            for (TextEdit b : other.edits) {
                if (a.conflicts(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One fix made of several: for a plan that spans services (limits fitted into one budget,
     * intervals staggered together), applied all in one pass or not at all, so the outcome never
     * depends on which other fixes happened to conflict. Null when {@code parts} has no fix; the parts
     * themselves when their edits conflict.
     */
    public static Fix combine(String title, List<Fix> parts) {
        List<Fix> present = new ArrayList<>();
        for (Fix f : parts) {
            if (f != null) {
                present.add(f);
            }
        }
        if (present.size() == 1) {
            return present.get(0);
        }
        List<TextEdit> edits = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        FixSafety safety = null;
        for (Fix f : present) {
            if (f == null) {
                continue;
            }
            edits.addAll(f.edits());
            targets.addAll(f.targets());
            safety = safety == null ? f.safety() : safety;
        }
        if (edits.isEmpty()) {
            return null;
        }
        return new Fix(title, safety, edits, targets);
    }

    /** The smallest start offset, to order fixes. */
    public int start() {
        return ((CheckedEdits) edits).start();
    }

    /** Applies non-conflicting edits (all of one file) to {@code text}. */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(null);
        StringBuilder b = new StringBuilder(text.length() + 256);
        int at = 0;
        for (TextEdit e : sorted) {
            if (e.start() < at) {
                throw new IllegalArgumentException("edits overlap at " + e.start());
            }
            b.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        b.append(text, at, text.length());
        return b.toString();
    }
}
