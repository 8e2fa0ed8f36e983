package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Fixes that write keys under one service: {@code services.<name>} deep-merged with a tree of new
 * values. A fix is withheld (the finding stays, without a fix) when the file's shape does not allow a
 * safe edit, or when the service's mapping is an anchor that another service inherits the edited key
 * from: the edit would change that service behind the user's back. (That service's own fix, an
 * override under it, usually comes first; the next pass then finds the edit safe.)
 */
final class ServiceEdit {

    /** Own entries of services mappings by name, made once per mapping rather than scanned once per fix. */
    private static final Map<YMapping, Map<String, YEntry>> OWN = Collections.synchronizedMap(new WeakHashMap<>());

    private ServiceEdit() {
    }

    static Fix fix(Service s, RuleContext ctx, Fragment.Mapping tree, String title, List<String> targets) {
        YMapping services = servicesMapping(s);
        if (services == null) {
            return null;
        }
        for (String key : tree.entries().keySet()) {
            if (leaks(s, key)) {
                return null;
            }
        }
        try {
            // Merging into the service's own mapping is what merging {name: tree} into services does for
            // it, without looking the name up among every service again.
            List<TextEdit> edits = ownEntry(services, s.name()).value() instanceof YMapping body
                    ? ctx.editor().merge(body, tree) : ctx.editor().merge(services, Fragment.mapping(s.name(), tree));
            return new Fix(title, ctx.fixSafety(), edits, targets);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The own top-level {@code services} mapping, when the service is written directly in it. */
    static YMapping servicesMapping(Service s) {
        YMapping root = s.file().root();
        YEntry services = root == null ? null : root.own("services");
        if (services == null || !(services.value() instanceof YMapping m) || ownEntry(m, s.name()) == null) {
            return null;
        }
        return m;
    }

    /** The own (not merged-in) entry of {@code name} in the services mapping {@code m}, or null. */
    static YEntry ownEntry(YMapping m, String name) {
        return OWN.computeIfAbsent(m, k -> {
            Map<String, YEntry> own = new HashMap<>();
            for (YEntry e : k.entries()) {
                if (!e.isMergeKey() && e.keyText() != null) {
                    own.putIfAbsent(e.keyText(), e);
                }
            }
            return own;
        }).get(name);
    }

    /**
     * Whether writing {@code key} into the service's own mapping would also change another service:
     * one that is an alias of this service's mapping, or merges from it without its own {@code key}.
     */
    static boolean leaks(Service s, String key) {
        YMapping body = s.body();
        if (body == null || body.anchor() == null) {
            return false; // not an anchor (an aliased service is edited by overriding, never in place)
        }
        YMapping services = servicesMapping(s);
        YEntry ownEntry = services == null ? null : ownEntry(services, s.name());
        if (ownEntry == null || !(ownEntry.value() instanceof YMapping) || s.file().services().size() < 2) {
            return false;
        }
        for (Service other : s.file().services()) {
            if (other == s || other.body() == null) {
                continue;
            }
            if (other.body() == body) {
                return true;
            }
            if (mergesFrom(other.body(), body) && other.body().own(key) == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean mergesFrom(YMapping m, YMapping source) {
        for (YEntry e : m.entries()) {
            if (!e.isMergeKey()) {
                continue;
            }
            YNode v = e.value().resolve();
            if (v == source) {
                return true;
            }
            if (v instanceof YSequence seq) {
                for (YNode item : seq.items()) {
                    if (item.resolve() == source) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
