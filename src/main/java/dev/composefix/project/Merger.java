package dev.composefix.project;

import dev.composefix.yaml.Position;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Merges compose trees by the Compose Specification's rules: mappings key by key, sequences by
 * appending, with the specification's exceptions: {@code command}, {@code entrypoint} and
 * {@code healthcheck.test} are replaced; {@code environment}, {@code labels} and the other key=value
 * collections merge by key whichever form they are written in; {@code depends_on} and service
 * {@code networks} merge by name; {@code ports}, {@code volumes}, {@code secrets}, {@code configs} and
 * {@code devices} by their unique key; {@code logging} only when the driver is the same;
 * {@code !reset} removes a value and {@code !override} replaces one.
 *
 * <p>The result is made of the input nodes themselves wherever a value comes from one file, so every
 * value keeps its position, file included; only collections merged from several files are new nodes
 * (placed where the first of them is written).
 */
public final class Merger {

    /** The tag that removes a value while merging. */
    public static final String RESET = "!reset";
    /** The tag that replaces a value instead of merging it. */
    public static final String OVERRIDE = "!override";

    private enum Rule { DEFAULT, REPLACE, KEYED_MAP, DEPENDS_ON, SERVICE_NETWORKS, LIST_SET, UNIQUE, LOGGING, BUILD,
        ULIMIT }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();
    private static final Map<String, Function<YNode, String>> UNIQUE_KEYS = new LinkedHashMap<>();

    static {
        for (String p : List.of("services.*.command", "services.*.entrypoint", "services.*.healthcheck.test")) {
            RULES.put(p, Rule.REPLACE);
        }
        for (String p : List.of("services.*.environment", "services.*.labels", "services.*.annotations",
                "services.*.sysctls", "services.*.build.args", "services.*.build.labels",
                "services.*.deploy.labels", "services.*.extra_hosts", "services.*.build.extra_hosts",
                "services.*.build.additional_contexts", "networks.*.labels", "volumes.*.labels")) {
            RULES.put(p, Rule.KEYED_MAP);
        }
        RULES.put("services.*.depends_on", Rule.DEPENDS_ON);
        RULES.put("services.*.networks", Rule.SERVICE_NETWORKS);
        for (String p : List.of("services.*.dns", "services.*.dns_opt", "services.*.dns_search",
                "services.*.env_file", "services.*.label_file", "services.*.tmpfs", "services.*.cap_add",
                "services.*.cap_drop", "services.*.profiles", "services.*.links", "services.*.expose",
                "services.*.networks.*.aliases", "services.*.build.tags")) {
            RULES.put(p, Rule.LIST_SET);
        }
        RULES.put("services.*.logging", Rule.LOGGING);
        RULES.put("services.*.build", Rule.BUILD);
        RULES.put("services.*.ulimits.*", Rule.ULIMIT);
        UNIQUE_KEYS.put("services.*.ports", new KeyOf(KeyOf.PORT));
        UNIQUE_KEYS.put("services.*.volumes", new KeyOf(KeyOf.VOLUME));
        UNIQUE_KEYS.put("services.*.secrets", new KeyOf(KeyOf.SECRET));
        UNIQUE_KEYS.put("services.*.configs", new KeyOf(KeyOf.CONFIG));
        UNIQUE_KEYS.put("services.*.devices", new KeyOf(KeyOf.DEVICE));
        for (String p : UNIQUE_KEYS.keySet()) {
            RULES.put(p, Rule.UNIQUE);
        }
    }

    private Merger() {
    }

    /** Merges {@code over} onto {@code base} (both top-level compose mappings). */
    public static YMapping mergeFiles(YMapping base, YMapping over) {
        return (YMapping) merge(base, over, new ArrayList<>());
    }

    /** Merges a service definition onto the one it extends (the {@code extends} rule). */
    public static YMapping extend(YMapping base, YMapping service) {
        List<String> path = new ArrayList<>(List.of("services", "*"));
        return (YMapping) merge(base, service, path);
    }

    /**
     * Whether a service that extends another and writes the value {@code value} at {@code path} (keys
     * below the service) keeps none of the base's value there: a scalar replaces, as do
     * {@code command}, {@code entrypoint}, {@code healthcheck.test}, {@code !override} and
     * {@code !reset}; collections merge with the base's (so a change to the base's value may show in
     * the extending service), and an empty value keeps the base's.
     */
    public static boolean replacesOnExtend(List<String> path, YNode value) {
        YNode v = value.resolve();
        if (OVERRIDE.equals(v.tag()) || RESET.equals(v.tag())) {
            return true;
        }
        if (v instanceof YScalar s && s.isNull() && s.tag() == null) {
            return false;
        }
        Rule rule = rule(servicePath(path));
        return rule == Rule.REPLACE || rule == Rule.DEFAULT && v instanceof YScalar;
    }

    /**
     * A collection an extending service writes at {@code path}, as the merge sees it: depends_on,
     * service networks and key=value collections (environment, labels, ...) as mappings by name or
     * key, whichever form they are written in; anything else as written.
     */
    public static YNode asMerged(List<String> path, YNode value) {
        YNode v = value.resolve();
        return switch (rule(servicePath(path))) {
            case DEPENDS_ON -> dependsOn(v);
            case SERVICE_NETWORKS -> names(v);
            case KEYED_MAP -> asMap(v);
            default -> v;
        };
    }

    private static List<String> servicePath(List<String> path) {
        List<String> p = new ArrayList<>(path.size() + 2);
        p.add("services");
        p.add("*");
        p.addAll(path);
        return p;
    }

    /** Whether a node carries {@code !reset}: the value is removed. */
    public static boolean isReset(YNode n) {
        return n != null && RESET.equals(n.resolve().tag());
    }

    static YNode merge(YNode baseNode, YNode overNode, List<String> path) {
        YNode base = baseNode.resolve();
        YNode over = overNode.resolve();
        if (OVERRIDE.equals(over.tag())) {
            return overNode;
        }
        if (over instanceof YScalar s && s.isNull() && s.tag() == null) {
            return baseNode; // an empty value in an override changes nothing
        }
        Rule rule = rule(path);
        switch (rule) {
            case REPLACE:
                return overNode;
            case KEYED_MAP:
                return keyed(base, over, path);
            case DEPENDS_ON:
                return mappings(dependsOn(base), dependsOn(over), path);
            case SERVICE_NETWORKS:
                return mappings(names(base), names(over), path);
            case LIST_SET:
                return unique(list(base), list(over), new KeyOf(KeyOf.SCALAR));
            case UNIQUE:
                return unique(list(base), list(over), UNIQUE_KEYS.get(pattern(path)));
            case LOGGING:
                if (base instanceof YMapping b && over instanceof YMapping o && b.value("driver") instanceof YScalar bd
                        && o.value("driver") instanceof YScalar od && !bd.value().equals(od.value())) {
                    return overNode;
                }
                break;
            case BUILD:
                return mappings(build(base), build(over), path);
            case ULIMIT:
                if (!(base instanceof YMapping) || !(over instanceof YMapping)) {
                    return overNode;
                }
                break;
            default:
                break;
        }
        if (base instanceof YMapping b && over instanceof YMapping o) {
            return mappings(b, o, path);
        }
        if (base instanceof YSequence b && over instanceof YSequence o) {
            List<YNode> items = new ArrayList<>(b.items());
            items.addAll(o.items());
            return sequence(items, b.span());
        }
        return overNode;
    }

    private static YMapping mappings(YMapping base, YMapping over, List<String> path) {
        Map<String, YEntry> entries = new LinkedHashMap<>();
        for (YEntry e : base.members()) {
            entries.put(e.keyText(), e);
        }
        for (YEntry e : over.members()) {
            String key = e.keyText();
            if (key == null) {
                continue;
            }
            if (isReset(e.value())) {
                entries.remove(key);
                continue;
            }
            YEntry existing = entries.get(key);
            if (existing == null) {
                entries.put(key, e);
                continue;
            }
            path.add(key);
            YNode merged = merge(existing.value(), e.value(), path);
            path.remove(path.size() - 1);
            entries.put(key, new YEntry(existing.key(), merged));
        }
        return mapping(new ArrayList<>(entries.values()), base.span());
    }

    /** key=value collections (list or map form) merged by key, the later value winning. */
    private static YMapping keyed(YNode base, YNode over, List<String> path) {
        return mappings(asMap(base), asMap(over), path);
    }

    /** A key=value collection as a mapping: list items {@code K=V}, {@code K:V} (extra_hosts) or {@code K}. */
    static YMapping asMap(YNode n) {
        if (n instanceof YMapping m) {
            return m;
        }
        List<YEntry> entries = new ArrayList<>();
        if (n instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                if (!(item.resolve() instanceof YScalar s)) {
                    continue;
                }
                String text = s.value();
                int eq = text.indexOf('=');
                if (eq < 0) {
                    int colon = text.indexOf(':');
                    eq = colon > 0 && !text.startsWith("[") ? colon : -1;
                }
                String key = eq < 0 ? text : text.substring(0, eq);
                YNode value = eq < 0 ? scalar("", YScalar.Kind.NULL, s.span())
                        : scalar(text.substring(eq + 1), YScalar.Kind.STRING, s.span());
                entries.add(new YEntry(scalar(key, YScalar.Kind.STRING, s.span()), value));
            }
        }
        return mapping(entries, n.span());
    }

    /** depends_on in the long form: the short form's names with {@code condition: service_started}. */
    private static YMapping dependsOn(YNode n) {
        return byName(n, new ValueOf(true));
    }

    /** A service's networks as a mapping: the list form's names with no options. */
    private static YMapping names(YNode n) {
        return byName(n, new ValueOf(false));
    }

    /** A mapping as it is, or a list of names as a mapping from each name to {@code value} of it. */
    private static YMapping byName(YNode n, java.util.function.Function<YScalar, YNode> value) {
        if (n instanceof YMapping m) {
            return m;
        }
        List<YEntry> entries = new ArrayList<>();
        if (n instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                if (item.resolve() instanceof YScalar s) {
                    entries.add(new YEntry(item, value.apply(s)));
                }
            }
        }
        return mapping(entries, n.span());
    }

    /** {@code build: ./dir} as {@code build: {context: ./dir}}. */
    private static YMapping build(YNode n) {
        if (n instanceof YMapping m) {
            return m;
        }
        return mapping(List.of(new YEntry(scalar("context", YScalar.Kind.STRING, n.span()), n)), n.span());
    }

    private static List<YNode> list(YNode n) {
        if (n instanceof YSequence seq) {
            return seq.items();
        }
        if (n instanceof YScalar s && !s.isNull()) {
            return List.of(n);
        }
        return List.of();
    }

    /** Appends, a later item replacing an earlier one with the same key in its place. */
    private static YSequence unique(List<YNode> base, List<YNode> over, Function<YNode, String> key) {
        List<YNode> items = new ArrayList<>(base);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String k = key.apply(items.get(i));
            if (k != null) {
                index.putIfAbsent(k, i);
            }
        }
        for (YNode n : over) {
            String k = key.apply(n);
            Integer at = k == null ? null : index.get(k);
            if (at != null) {
                items.set(at, n);
            } else {
                if (k != null) {
                    index.put(k, items.size());
                }
                items.add(n);
            }
        }
        Span span = !base.isEmpty() ? base.get(0).span() : !over.isEmpty() ? over.get(0).span()
                : Span.at(new Position(1, 1, 0));
        return sequence(items, span);
    }

    private static Rule rule(List<String> path) {
        String p = pattern(path);
        return p == null ? Rule.DEFAULT : RULES.get(p);
    }

    /** The rule pattern that matches {@code path} (service, network and volume names as *), or null. */
    private static String pattern(List<String> path) {
        if (path.size() < 2) {
            return null;
        }
        StringBuilder b = new StringBuilder(path.get(0)).append(".*");
        for (int i = 2; i < path.size(); i++) {
            boolean wildcard = path.get(0).equals("services") && i == 3 && path.get(2).equals("ulimits")
                    || path.get(0).equals("services") && i == 3 && path.get(2).equals("networks");
            b.append('.').append(wildcard ? "*" : path.get(i));
        }
        String p = b.toString();
        return RULES.containsKey(p) ? p : null;
    }

    static YMapping mapping(List<YEntry> entries, Span span) {
        long weight = 1;
        for (YEntry e : entries) {
            weight += e.key().weight() + e.value().weight();
        }
        return new YMapping(entries, false, span, null, null, weight);
    }

    static YSequence sequence(List<YNode> items, Span span) {
        long weight = 1;
        for (YNode n : items) {
            weight += n.weight();
        }
        return new YSequence(items, false, span, null, null, weight);
    }

    static YScalar scalar(String value, YScalar.Kind kind, Span span) {
        return new YScalar(value, YScalar.Style.PLAIN, kind, span, null, null);
    }

    /**
     * What identifies an item of a list merged as a set: its port, mount target, device, or its text. A class
     * rather than lambdas and method references, which a start would have to link.
     */
    private static final class KeyOf implements Function<YNode, String> {
        static final int PORT = 0;
        static final int VOLUME = 1;
        static final int SECRET = 2;
        static final int CONFIG = 3;
        static final int DEVICE = 4;
        static final int SCALAR = 5;
        private final int kind;

        KeyOf(int kind) {
            this.kind = kind;
        }

        @Override
        public String apply(YNode n) {
            return switch (kind) {
                case PORT -> UniqueKeys.port(n);
                case VOLUME -> UniqueKeys.volume(n);
                case SECRET -> UniqueKeys.mount(n, "/run/secrets/");
                case CONFIG -> UniqueKeys.mount(n, "/");
                case DEVICE -> UniqueKeys.device(n);
                default -> n.resolve() instanceof YScalar s ? s.value() : null;
            };
        }
    }

    /**
     * The value a name of a short-form list stands for: {@code condition: service_started} (depends_on), or
     * nothing (networks). A class rather than lambdas, which a start would have to link.
     */
    private static final class ValueOf implements Function<YScalar, YNode> {
        private final boolean dependency;

        ValueOf(boolean dependency) {
            this.dependency = dependency;
        }

        @Override
        public YNode apply(YScalar s) {
            if (dependency) {
                return mapping(List.of(new YEntry(scalar("condition", YScalar.Kind.STRING, s.span()),
                        scalar("service_started", YScalar.Kind.STRING, s.span()))), s.span());
            }
            return scalar("", YScalar.Kind.NULL, s.span());
        }
    }
}
