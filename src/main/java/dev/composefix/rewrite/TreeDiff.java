package dev.composefix.rewrite;

import dev.composefix.fix.Fix;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two YAML trees differ as Compose reads them (merge keys applied, aliases resolved, scalars
 * by value and type), as paths such as {@code services.web.deploy} or {@code services.api.ports[1]}.
 * Descends only as far as the first difference on each path.
 */
public final class TreeDiff {

    private static final int MAX_DIFFERENCES = 1000;

    private TreeDiff() {
    }

    public static List<String> differences(YNode before, YNode after) {
        List<String> out = new ArrayList<>();
        compare("", before == null ? null : before.resolve(), after == null ? null : after.resolve(), out, 0);
        return out;
    }

    /** Whether {@code path} is {@code target} or lies below it. */
    public static boolean covers(String target, String path) {
        return path.equals(target) || path.startsWith(target + ".") || path.startsWith(target + "[");
    }

    /**
     * Whether some target covers {@code path} ({@link #covers}), found by looking up the path and each
     * of its ancestors instead of trying every target: a pass over 10,000 services has tens of
     * thousands of targets.
     */
    public static boolean coveredBy(java.util.Set<String> targets, String path) {
        if (targets.contains(path)) {
            return true;
        }
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if ((c == '.' || c == '[') && targets.contains(path.substring(0, i))) {
                return true;
            }
        }
        return false;
    }

    private static void compare(String path, YNode a, YNode b, List<String> out, int depth) {
        if (out.size() >= MAX_DIFFERENCES || depth > 300) {
            return;
        }
        if (a instanceof YMapping ma && b instanceof YMapping mb) {
            Set<String> keys = new LinkedHashSet<>();
            for (YEntry e : ma.members()) {
                keys.add(e.keyText());
            }
            for (YEntry e : mb.members()) {
                keys.add(e.keyText());
            }
            for (String k : keys) {
                YEntry ea = ma.get(k);
                YEntry eb = mb.get(k);
                String p = Fix.child(path, k);
                if (ea == null || eb == null) {
                    out.add(p);
                } else {
                    compare(p, ea.value().resolve(), eb.value().resolve(), out, depth + 1);
                }
            }
        } else if (a instanceof YSequence sa && b instanceof YSequence sb) {
            int n = Math.max(sa.items().size(), sb.items().size());
            for (int i = 0; i < n; i++) {
                String p = path + "[" + i + "]";
                if (i >= sa.items().size() || i >= sb.items().size()) {
                    out.add(p);
                } else {
                    compare(p, sa.items().get(i).resolve(), sb.items().get(i).resolve(), out, depth + 1);
                }
            }
        } else if (a instanceof YScalar xa && b instanceof YScalar xb) {
            if (!xa.value().equals(xb.value()) || xa.kind() != xb.kind()) {
                out.add(path);
            }
        } else if (a != null || b != null) {
            if (a == null || b == null || a.getClass() != b.getClass()) {
                out.add(path);
            }
        }
    }
}
