package dev.composefix.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A fix for one finding: a title, how safe it is, the text edits that make it (no two of which may
 * conflict), and the paths of the YAML tree it means to change (such as
 * {@code services.web.deploy}); the rewrite refuses a result that changes anything else. A
 * {@code plan} fix is computed from the whole file (limits fitted into one budget, intervals
 * staggered together): the rewrite applies it only once no pending fix writes what it {@code reads}
 * (paths below a service, such as {@code healthcheck} or {@code deploy.resources.limits.memory}; null:
 * anything), so what other fixes add (a health check, say) is part of the plan, whatever order fixes
 * happen to land in. What a fix {@code writes} is, unless it says more precisely, the service keys of
 * its targets ({@code services.web.deploy}: {@code deploy}). A plan combined from parts, one per
 * finding, carries as {@code own} the edits of the finding's part ({@link #forPart}): what a report
 * shows with that finding, while a rewrite applies the whole plan. A fix that also does another
 * rule's work derived from it (the condition that waits for a new health check) carries as
 * {@code alone} the fix without that work: a rewrite takes it instead where the whole fix meets a fix
 * taken before it ({@link #carrying}).
 */
public record Fix(String title, FixSafety safety, List<TextEdit> edits, List<String> targets, boolean plan,
        java.util.Set<String> reads, java.util.Set<String> writes, boolean leads, List<TextEdit> own, Fix alone) {

    public Fix(String title, FixSafety safety, List<TextEdit> edits, List<String> targets) {
        this(title, safety, edits, targets, false, null, null, false, null, null);
    }

    /** A fix whose edits are all its own (see {@link #forPart}). */
    public Fix(String title, FixSafety safety, List<TextEdit> edits, List<String> targets, boolean plan,
            java.util.Set<String> reads, java.util.Set<String> writes, boolean leads) {
        this(title, safety, edits, targets, plan, reads, writes, leads, null, null);
    }

    public Fix {
        if (alone != null && (plan || alone.plan())) {
            throw new IllegalArgumentException("a plan carries no other rule's work apart from it: " + title);
        }
        own = own == null || own instanceof CheckedEdits ? own : List.copyOf(own);
        targets = List.copyOf(targets);
        reads = reads == null ? null : java.util.Set.copyOf(reads);
        writes = writes == null ? null : java.util.Set.copyOf(writes);
        if (reads != null && !plan || leads && !plan) {
            throw new IllegalArgumentException("only a plan says what it reads, or leads: " + title);
        }
        if (!(edits instanceof CheckedEdits)) { // a fix made from another one's edits (withTitle) was checked
            List<TextEdit> copy = List.copyOf(edits);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("a fix needs at least one edit: " + title);
            }
            if (copy.size() > 1) { // one edit overlaps nothing (most fixes have one)
                List<TextEdit> sorted = new ArrayList<>(copy);
                sorted.sort(BY_PLACE);
                for (int i = 1; i < sorted.size(); i++) {
                    if (sorted.get(i - 1).conflicts(sorted.get(i))) {
                        throw new IllegalArgumentException("overlapping edits in fix '" + title + "': "
                                + sorted.get(i - 1) + " and " + sorted.get(i));
                    }
                }
            }
            edits = new CheckedEdits(copy);
        }
    }

    /** Edits by file, then in their own order: overlapping edits of a file are then neighbours. */
    private static final java.util.Comparator<TextEdit> BY_PLACE = new ByPlace();

    /** Edits by file, then in their own order (a class rather than two lambdas, which a start would have to link). */
    private static final class ByPlace implements java.util.Comparator<TextEdit> {
        @Override
        public int compare(TextEdit a, TextEdit b) {
            int c = String.valueOf(a.source()).compareTo(String.valueOf(b.source()));
            return c != 0 ? c : a.compareTo(b);
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
        return new Fix(newTitle, safety, edits, targets, plan, reads, writes, leads, own, alone);
    }

    /**
     * This fix (a plan combined from parts) as the fix of the finding {@code part} answers: the part's
     * title, and the part's edits as what a report shows with the finding. A rewrite still applies the
     * whole plan; a report that showed all of it with each of its findings grew with the square of the
     * services (SARIF of 1,000 services: 264 MB).
     */
    public Fix forPart(Fix part) {
        return new Fix(part.title(), safety, edits, targets, plan, reads, writes, leads, part.edits(), null);
    }

    /**
     * The fix of the finding {@code part} answers, in a plan whose parts were combined into {@code all}: that
     * plan as the part's ({@link #forPart}); when the parts could not be combined ({@code all} null), the part
     * on its own as a plan reading {@code reads}, leading when {@code leads}. Null without a part.
     */
    public static Fix planPart(Fix all, Fix part, java.util.Set<String> reads, boolean leads) {
        if (part == null) {
            return null;
        }
        if (all != null) {
            return all.forPart(part);
        }
        Fix alone = part.asPlan(reads);
        return leads ? alone.leading() : alone;
    }

    /**
     * This fix (which does {@code alone}'s work and work another rule derives from it) with {@code alone}
     * to fall back on: where this fix meets one a rewrite took before it in the same pass, it takes
     * {@code alone} if that meets nothing, and the derived work follows in a later pass as its own
     * rule's fix, rather than all of it waiting.
     */
    public Fix carrying(Fix alone) {
        return new Fix(title, safety, edits, targets, plan, reads, writes, leads, own, alone);
    }

    /** The edits a report shows with the finding: its part's, for a plan made of parts; else all of them. */
    public List<TextEdit> shownEdits() {
        return own != null ? own : edits;
    }

    /**
     * This fix, marked as computed from the whole file (see the class comment), from the values at
     * {@code servicePaths} of each service (and of settings, which no fix changes).
     */
    public Fix asPlan(java.util.Set<String> servicePaths) {
        return new Fix(title, safety, edits, targets, true, servicePaths, writes, leads, own, null);
    }

    /**
     * This plan, taken before the other fixes of its pass rather than after them: other fixes are
     * derived from what it writes (a memory limit, which PostgreSQL, Redis and heap settings are tuned
     * to), so the fixes its edits meet wait a pass instead of it and everything derived from it.
     */
    public Fix leading() {
        if (!plan) {
            throw new IllegalStateException("only a plan leads: " + title);
        }
        return new Fix(title, safety, edits, targets, true, reads, writes, true, own, null);
    }

    /**
     * This fix, saying that of each service it writes only {@code servicePaths}, more precisely than
     * its targets do (a CPU limit added with a new {@code deploy} targets {@code deploy}, to cover the
     * new key, but writes only {@code deploy.resources.limits.cpus}): a plan reading none of them need
     * not wait for it.
     */
    public Fix writing(java.util.Set<String> servicePaths) {
        return new Fix(title, safety, edits, targets, plan, reads, servicePaths, leads, own, alone);
    }

    /**
     * The paths below a service this fix writes: {@link #writes} when it says, else each target's
     * {@link #serviceKey} ("" for a whole service; null for a target outside the services).
     */
    public java.util.Set<String> written() {
        if (writes != null) {
            return writes;
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String t : targets) {
            out.add(serviceKey(t));
        }
        return out;
    }

    /**
     * Whether this plan waits for pending fixes that write {@code paths} (paths below a service, as
     * {@link #written} gives them): when it reads everything, or a whole service is pending, or a path
     * it reads lies at, below or above one of them ({@code deploy} pending holds up a plan reading
     * {@code deploy.resources.limits.memory}; {@code deploy.resources.limits.cpus} does not).
     */
    public boolean waitsFor(java.util.Set<String> paths) {
        if (paths.isEmpty()) {
            return false;
        }
        if (reads == null || paths.contains("")) {
            return true;
        }
        for (String p : paths) {
            for (String r : reads) {
                if (p.equals(r) || below(p, r) || below(r, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code path} lies below {@code ancestor} ({@code a.b.c} below {@code a.b}). */
    private static boolean below(String path, String ancestor) {
        return path.length() > ancestor.length() && path.startsWith(ancestor)
                && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }

    /**
     * The key of a service that {@code target} aims at or lies below ({@code services.web.deploy.x}:
     * {@code deploy}); "" when it is a whole service, {@code services} itself or the whole file; null
     * when it lies outside the services.
     */
    public static String serviceKey(String target) {
        if (target.isEmpty()) {
            return ""; // the whole file
        }
        if (!target.startsWith("services")) {
            return null;
        }
        int i = "services".length();
        if (i == target.length()) {
            return "";
        }
        char c = target.charAt(i);
        if (c == '.') {
            i++;
            while (i < target.length() && target.charAt(i) != '.' && target.charAt(i) != '[') {
                i++;
            }
        } else if (c == '[') {
            i = afterQuoted(target, i);
        } else {
            return null; // services_x, say: another top-level key
        }
        if (i >= target.length()) {
            return "";
        }
        if (target.charAt(i) == '.') {
            int to = i + 1;
            while (to < target.length() && target.charAt(to) != '.' && target.charAt(to) != '[') {
                to++;
            }
            return target.substring(i + 1, to);
        }
        return unquote(target.substring(i + 2, afterQuoted(target, i) - 2));
    }

    /** The index after {@code ["..."]} starting at {@code open} (the bracket). */
    private static int afterQuoted(String path, int open) {
        int i = open + 2;
        while (i < path.length() && path.charAt(i) != '"') {
            i += path.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(path.length(), i + 2);
    }

    private static String unquote(String quoted) {
        StringBuilder b = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
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
