package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixes that write keys under one service: the service's mapping deep-merged with a tree of new
 * values, in the file where each key lives. In a project of several files, a key is edited in the
 * last file that sets it for the service (where its value comes from), and a new key goes into the
 * first file that defines the service.
 *
 * <p>A fix is withheld (the finding stays, without a fix) when the file's shape does not allow a
 * safe edit, or when the service's mapping is an anchor that another service inherits the edited key
 * from: the edit would change that service behind the user's back. (That service's own fix, an
 * override under it, usually comes first; the next pass then finds the edit safe.)
 */
final class ServiceEdit {

    private ServiceEdit() {
    }

    /**
     * Whether {@link #fix} may write {@code value} under {@code key} into the service at all (it can
     * still fail on what it finds there): false when no file of the project holds the service's
     * mapping, or when the edit would reach another service through an anchor or {@code extends}.
     */
    static boolean writable(Service s, String key, Fragment value) {
        return editable(s, key, value) != null; // judged as in place also with --into, so that both plan alike
    }

    /** The file where {@code value} goes under {@code key} for an edit in place, or null when it may not go anywhere. */
    private static YamlDocument editable(Service s, String key, Fragment value) {
        Place p = place(s, key, value);
        return p == null ? null : p.doc();
    }

    /**
     * Where an edit in place of {@code key} goes: the file ({@link #documentFor}), its {@code services}
     * mapping and the service's own mapping there (null when an alias), each looked up once; null when
     * the edit may not go anywhere ({@link #leaks}).
     */
    private record Place(YamlDocument doc, YMapping services, YMapping body) {
    }

    private static Place place(Service s, String key, Fragment value) {
        String name = s.name();
        List<YamlDocument> project = s.file().documents();
        YamlDocument first = null;
        YMapping firstServices = null;
        YamlDocument setting = null;
        YMapping settingServices = null;
        for (YamlDocument doc : project) {
            YMapping services = servicesMapping(doc, name);
            if (services == null) {
                continue;
            }
            if (first == null) {
                first = doc;
                firstServices = services;
            }
            if (services.value(name) instanceof YMapping body && body.get(key) != null) {
                setting = doc;
                settingServices = services;
            }
        }
        YamlDocument doc = setting != null ? setting : first;
        if (doc == null) {
            return null;
        }
        YMapping services = setting != null ? settingServices : firstServices;
        YMapping body = services.own(name).value() instanceof YMapping m ? m : null;
        return leaks(doc, services, body, name, key, value, project) ? null : new Place(doc, services, body);
    }

    static Fix fix(Service s, RuleContext ctx, Fragment.Mapping tree, String title, List<String> targets) {
        String into = ctx.settings().into();
        if (into != null) {
            return into(s, ctx, tree, title, targets, into);
        }
        Map<String, Fragment> entries = tree.entries();
        if (entries.size() == 1 && tree.mergeFrom().isEmpty()) {
            // One key (most fixes): one place, and the tree itself is what goes there.
            Map.Entry<String, Fragment> only = entries.entrySet().iterator().next();
            Place p = place(s, only.getKey(), only.getValue());
            if (p == null) {
                return null;
            }
            try {
                return new Fix(title, ctx.fixSafety(), merge(s, ctx, p, tree), targets);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        Map<YamlDocument, Place> places = new LinkedHashMap<>();
        Map<YamlDocument, Fragment.Mapping> byDocument = new LinkedHashMap<>();
        for (Map.Entry<String, Fragment> e : entries.entrySet()) {
            Place p = place(s, e.getKey(), e.getValue());
            if (p == null) {
                return null;
            }
            places.putIfAbsent(p.doc(), p);
            Fragment.Mapping part = byDocument.get(p.doc());
            if (part == null) {
                part = Fragment.mapping();
                byDocument.put(p.doc(), part);
            }
            part.entries().put(e.getKey(), e.getValue());
        }
        List<TextEdit> edits = new ArrayList<>();
        try {
            for (Map.Entry<YamlDocument, Fragment.Mapping> e : byDocument.entrySet()) {
                edits.addAll(merge(s, ctx, places.get(e.getKey()), e.getValue()));
            }
            return new Fix(title, ctx.fixSafety(), edits, targets);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The edits that merge {@code tree} into the service at {@code p}: into the service's own mapping
     * directly when it is written inline (what merging {name: tree} into services does, without another
     * lookup among every service).
     */
    private static List<TextEdit> merge(Service s, RuleContext ctx, Place p, Fragment.Mapping tree) {
        return p.body() != null ? ctx.editor(p.doc()).merge(p.body(), tree)
                : ctx.editor(p.doc()).merge(p.services(), Fragment.mapping(s.name(), tree));
    }

    /**
     * {@code rewrite --into}: everything goes into the override file, as a service entry that merges
     * onto the others' (created, with the {@code services} key, when the file lacks them).
     */
    private static Fix into(Service s, RuleContext ctx, Fragment.Mapping tree, String title, List<String> targets,
            String into) {
        YamlDocument doc = s.file().document(into);
        YNode root = doc == null || doc.root() == null ? null : doc.root().resolve();
        if (!(root instanceof YMapping top)) {
            return null;
        }
        try {
            YEntry services = top.own("services");
            List<TextEdit> edits = services != null && services.value() instanceof YMapping m
                    ? ctx.editor(doc).merge(m, Fragment.mapping(s.name(), tree))
                    : ctx.editor(doc).merge(top, Fragment.mapping("services", Fragment.mapping(s.name(), tree)));
            return new Fix(title, ctx.fixSafety(), edits, targets);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The file where {@code key} of the service is set last, else the first that defines the service. */
    static YamlDocument documentFor(Service s, String key) {
        YamlDocument first = null;
        YamlDocument setting = null;
        for (YamlDocument doc : s.file().documents()) {
            YMapping services = servicesMapping(doc, s.name());
            if (services == null) {
                continue;
            }
            if (first == null) {
                first = doc;
            }
            if (services.value(s.name()) instanceof YMapping body && body.get(key) != null) {
                setting = doc;
            }
        }
        return setting != null ? setting : first;
    }

    /** The own top-level {@code services} mapping of {@code doc}, when it defines {@code service} directly. */
    static YMapping servicesMapping(YamlDocument doc, String service) {
        YNode root = doc.root() == null ? null : doc.root().resolve();
        YEntry services = root instanceof YMapping r ? r.own("services") : null;
        if (services == null || !(services.value() instanceof YMapping m) || m.own(service) == null) {
            return null;
        }
        return m;
    }

    /** The service's own mapping in {@code doc}, when it is written inline there (not an alias). */
    static YMapping ownBody(YamlDocument doc, String service) {
        YMapping services = servicesMapping(doc, service);
        return services != null && services.own(service).value() instanceof YMapping m ? m : null;
    }

    /**
     * Whether writing {@code key} into the service's own mapping in {@code doc} would also change
     * another place of that file: a service that is an alias of this service's mapping, merges from it
     * without its own {@code key}, or extends it; or an alias of the value being edited.
     */
    static boolean leaks(YamlDocument doc, String service, String key) {
        return leaks(doc, service, key, null, List.of(doc));
    }

    /**
     * {@link #leaks(YamlDocument, String, String)}, knowing what is written under {@code key} (null:
     * anything) and the files of the project (where an extending service may set values of its own).
     */
    static boolean leaks(YamlDocument doc, String service, String key, Fragment value, List<YamlDocument> project) {
        YMapping services = servicesMapping(doc, service);
        YMapping body = services != null && services.own(service).value() instanceof YMapping m ? m : null;
        return leaks(doc, services, body, service, key, value, project);
    }

    /** {@link #leaks(YamlDocument, String, String, Fragment, List)}, given what {@link #servicesMapping} and {@link #ownBody} give. */
    private static boolean leaks(YamlDocument doc, YMapping services, YMapping body, String service, String key,
            Fragment value, List<YamlDocument> project) {
        return leaksThroughAnchor(doc, services, body, service, key, project)
                || leaksThroughExtends(doc, service, key, value, project) || editsSharedValue(doc, body, key);
    }

    /**
     * Whether the service's own value for {@code key} is written here with an anchor (or holds one)
     * that an alias refers to from a place no fix for {@code key} covers: editing it in place would
     * change that place too. (An alias as the value is fine: the editor overrides it, never edits the
     * anchor.)
     */
    private static boolean editsSharedValue(YamlDocument doc, YMapping body, String key) {
        YEntry own = body == null ? null : body.own(key);
        return own != null && !(own.value() instanceof dev.composefix.yaml.YAlias)
                && AliasedAnchors.sharedBeyond(doc, own.value(), key);
    }

    private static boolean leaksThroughAnchor(YamlDocument doc, YMapping services, YMapping body, String service,
            String key, List<YamlDocument> project) {
        if (body == null || body.anchor() == null) {
            return false; // not an anchor (an aliased service is edited by overriding, never in place)
        }
        if (AliasedAnchors.usedBeyondServices(doc, body.anchor())) {
            return true; // merged or copied somewhere no service rule looks after
        }
        for (YEntry e : services.members()) {
            if (service.equals(e.keyText()) || !(e.value().resolve() instanceof YMapping other)) {
                continue;
            }
            if (other == body || (mergesFrom(other, body) && !ownKeyAnywhere(other, e.keyText(), key, doc, project))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the service {@code name} (whose mapping in {@code doc} is {@code body}) writes {@code key}
     * itself, there or in another file of the project. The analysis is that of an edit in place also
     * when the edits go to an override file ({@code --into}), so that both rewrite alike.
     */
    private static boolean ownKeyAnywhere(YMapping body, String name, String key, YamlDocument doc,
            List<YamlDocument> project) {
        if (body.own(key) != null) {
            return true;
        }
        for (YamlDocument d : project) {
            YMapping other = d == doc ? null : ownBody(d, name);
            if (other != null && other.own(key) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a service of the same file extends this one (by name, or through {@code file:} naming
     * this file) without setting {@code key} itself: the edit would reach it too.
     */
    private static boolean leaksThroughExtends(YamlDocument doc, String service, String key, Fragment value,
            List<YamlDocument> project) {
        for (YEntry other : extenders(doc).getOrDefault(service, List.of())) {
            // Compose merges collections (depends_on, deploy, healthcheck, environment, ...) across
            // extends: the extending service sees what the base gets, except where it writes its own
            // value (here, or in another file of the project, such as an override file).
            boolean hidden = false;
            for (YamlDocument d : project) {
                YMapping body = d == doc ? (other.value().resolve() instanceof YMapping m ? m : null)
                        : ownBody(d, other.keyText());
                YEntry own = body == null ? null : body.get(key);
                if (own != null && hides(List.of(key), own.value(), value)) {
                    hidden = true;
                    break;
                }
            }
            if (!hidden) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an extending service's own {@code derived} value at {@code path} keeps every place that
     * {@code written} (what the fix writes into the base there; null: unknown, anything) would set:
     * it replaces the base's value outright, or, where the two merge, it sets each of those places itself.
     */
    private static boolean hides(List<String> path, YNode derived, Fragment written) {
        if (dev.composefix.project.Merger.replacesOnExtend(path, derived)) {
            return true;
        }
        YNode own = dev.composefix.project.Merger.asMerged(path, derived);
        if (written instanceof Fragment.Mapping m && m.mergeFrom().isEmpty() && own instanceof YMapping ownMap) {
            for (Map.Entry<String, Fragment> e : m.entries().entrySet()) {
                YEntry set = ownMap.get(e.getKey());
                List<String> deeper = new ArrayList<>(path);
                deeper.add(e.getKey());
                if (set == null || !hides(deeper, set.value(), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        // A value of its own where the fix writes one scalar: the extending service's wins.
        return written instanceof Fragment.Text && !(own instanceof YScalar s && s.isNull());
    }

    /** Per document: each service name with the services of that file that extend it (computed once). */
    private static Map<String, List<YEntry>> extenders(YamlDocument doc) {
        return doc.remembered(FindExtenders.INSTANCE, FindExtenders.INSTANCE);
    }

    /** {@link #findExtenders}, and the key the document remembers it by (a class, not a lambda to link). */
    private static final class FindExtenders
            implements java.util.function.Function<YamlDocument, Map<String, List<YEntry>>> {
        static final FindExtenders INSTANCE = new FindExtenders();

        @Override
        public Map<String, List<YEntry>> apply(YamlDocument d) {
            return findExtenders(d);
        }
    }

    private static Map<String, List<YEntry>> findExtenders(YamlDocument d) {
        Map<String, List<YEntry>> out = new java.util.HashMap<>();
        YNode root = d.root() == null ? null : d.root().resolve();
        YEntry services = root instanceof YMapping r ? r.own("services") : null;
        if (services != null && services.value().resolve() instanceof YMapping m) {
            for (YEntry e : m.members()) {
                if (!(e.value().resolve() instanceof YMapping other)) {
                    continue;
                }
                YNode ext = other.value("extends");
                String base = ext instanceof YScalar s ? s.value()
                        : ext instanceof YMapping em && em.value("service") instanceof YScalar s
                                && !(em.value("file") instanceof YScalar) ? s.value() : null;
                if (base != null) {
                    List<YEntry> extending = out.get(base);
                    if (extending == null) {
                        extending = new ArrayList<>();
                        out.put(base, extending);
                    }
                    extending.add(e);
                }
            }
        }
        return out;
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
