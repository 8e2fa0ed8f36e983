package dev.composefix.model;

import dev.composefix.yaml.Position;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One service of a compose file, read through merge keys and interpolation. Every accessor answers
 * from the text as written; nothing is defaulted here except where Docker's defaults are the meaning.
 */
public final class Service {

    private final ComposeFile file;
    private final String name;
    private final YEntry entry;
    private final YMapping body;

    Service(ComposeFile file, String name, YEntry entry) {
        this.file = file;
        this.name = name;
        this.entry = entry;
        this.body = entry.value().resolve() instanceof YMapping m ? m : null;
    }

    /**
     * What {@link #remembered} holds: a value, what it was computed for, and the values remembered before
     * it. Immutable (final fields), so a thread that reads another's chain reads it whole.
     */
    private record Memo(Object key, Object value, Memo next, int size) {
    }

    /** More keys than this and the chain starts again: a service outlives no more than a run's few caches. */
    private static final int MEMO_KEYS = 4;

    private Memo memo;

    /*
     * What a dozen rules ask of every service, read once. Each is immutable (records of final fields),
     * so a thread that sees another's write sees it whole; two threads may both compute it, alike.
     */
    private Field<Long> memoryLimit;
    private Field<Double> cpuLimit;
    private Optional<Healthcheck> healthcheck;

    /**
     * The value {@code compute} gives for {@code key} and this service ({@code key} compared by identity,
     * the value possibly null), computed once while the key is remembered: for what several rules ask of
     * every service, such as its kind or its database server's settings. The value must be immutable, and
     * {@code compute} must depend on nothing but the key and the service: two threads may both compute it.
     */
    @SuppressWarnings("unchecked")
    public <K, T> T remembered(K key, java.util.function.BiFunction<K, Service, T> compute) {
        for (Memo m = memo; m != null; m = m.next()) {
            if (m.key() == key) {
                return (T) m.value();
            }
        }
        T value = compute.apply(key, this);
        Memo head = memo; // what other threads remembered meanwhile is kept
        memo = head == null || head.size() >= MEMO_KEYS ? new Memo(key, value, null, 1)
                : new Memo(key, value, head, head.size() + 1);
        return value;
    }

    public ComposeFile file() {
        return file;
    }

    public String name() {
        return name;
    }

    /** The service's key in {@code services:}, where findings about something missing point. */
    public YNode key() {
        return entry.key();
    }

    /** From the service's key to the end of its value as written here (an alias is not followed). */
    public Span span() {
        Position end = entry.value().end().offset() < entry.key().end().offset() ? entry.key().end()
                : entry.value().end();
        return new Span(entry.key().start(), end);
    }

    /** The service's mapping, or null when the service is not a mapping. */
    public YMapping body() {
        return body;
    }

    /** The entry of {@code path} (keys below the service, through merge keys), or null. */
    public YEntry entry(String... path) {
        YMapping m = body;
        for (int i = 0; m != null && i < path.length; i++) {
            YEntry e = m.get(path[i]);
            if (e == null || i == path.length - 1) {
                return e;
            }
            m = e.value().resolve() instanceof YMapping next ? next : null;
        }
        return null;
    }

    /** The value node at {@code path}, aliases resolved, or null. */
    public YNode value(String... path) {
        YEntry e = entry(path);
        return e == null ? null : e.value().resolve();
    }

    public boolean has(String key) {
        return body != null && body.get(key) != null; // entry(key), without its path array
    }

    /** A service that defines no image, build or extends only overlays another file's service. */
    public boolean isFragment() {
        return !has("image") && !has("build") && !has("extends");
    }

    public Field<String> image() {
        return field(entry("image"), TEXT);
    }

    public Field<String> restart() {
        return field(entry("restart"), TEXT);
    }

    /** {@code mem_limit}. */
    public Field<Long> memLimit() {
        return bytes(entry("mem_limit"));
    }

    /** {@code memswap_limit}. */
    public Field<Long> memswapLimit() {
        return bytes(entry("memswap_limit"));
    }

    /** {@code mem_reservation}. */
    public Field<Long> memReservation() {
        return bytes(entry("mem_reservation"));
    }

    /** {@code cpus}. */
    public Field<Double> cpus() {
        return field(entry("cpus"), CPUS);
    }

    /** {@code deploy.resources.limits.memory}. */
    public Field<Long> limitsMemory() {
        return bytes(entry("deploy", "resources", "limits", "memory"));
    }

    /** {@code deploy.resources.limits.cpus}. */
    public Field<Double> limitsCpus() {
        return field(entry("deploy", "resources", "limits", "cpus"), CPUS);
    }

    /** {@code deploy.resources.reservations.memory}. */
    public Field<Long> reservationsMemory() {
        return bytes(entry("deploy", "resources", "reservations", "memory"));
    }

    /** {@code deploy.resources.reservations.cpus}. */
    public Field<Double> reservationsCpus() {
        return field(entry("deploy", "resources", "reservations", "cpus"), CPUS);
    }

    /** The memory limit in effect: {@code deploy.resources.limits.memory}, else {@code mem_limit}. */
    public Field<Long> memoryLimit() {
        Field<Long> m = memoryLimit;
        if (m == null) {
            Field<Long> deploy = limitsMemory();
            memoryLimit = m = deploy.isSet() ? deploy : memLimit();
        }
        return m;
    }

    /** The CPU limit in effect: {@code deploy.resources.limits.cpus}, else {@code cpus}. */
    public Field<Double> cpuLimit() {
        Field<Double> c = cpuLimit;
        if (c == null) {
            Field<Double> deploy = limitsCpus();
            cpuLimit = c = deploy.isSet() ? deploy : cpus();
        }
        return c;
    }

    /** The healthcheck, when the service writes one. */
    public Optional<Healthcheck> healthcheck() {
        Optional<Healthcheck> h = healthcheck;
        if (h == null) {
            healthcheck = h = readHealthcheck();
        }
        return h;
    }

    private Optional<Healthcheck> readHealthcheck() {
        YEntry e = entry("healthcheck");
        if (e == null) {
            return Optional.empty();
        }
        YMapping hc = e.value().resolve() instanceof YMapping m ? m : null;
        YNode test = hc == null ? null : hc.value("test");
        boolean disabled = false;
        if (hc != null) {
            YNode disable = hc.value("disable");
            if (disable instanceof YScalar s && "true".equalsIgnoreCase(s.value())) {
                disabled = true;
            }
            if (test instanceof YSequence seq && !seq.items().isEmpty()
                    && seq.items().get(0).resolve() instanceof YScalar first && "NONE".equals(first.value())) {
                disabled = true;
            }
            if (test instanceof YScalar s && "NONE".equals(s.value())) {
                disabled = true;
            }
        }
        return Optional.of(new Healthcheck(e, hc, test, disabled,
                duration(hc, "interval"), duration(hc, "timeout"), duration(hc, "start_period"),
                field(hc == null ? null : hc.get("retries"), COUNT)));
    }

    /** The {@code depends_on} entries in source order, short and long form. */
    public List<Dependency> dependsOn() {
        YNode deps = value("depends_on");
        List<Dependency> out = new ArrayList<>();
        if (deps instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                Interpolated t = file.text(item);
                if (t != null) {
                    out.add(new Dependency(t.text(), item, false, null, null));
                }
            }
        } else if (deps instanceof YMapping map) {
            for (YEntry e : map.members()) {
                String dep = e.keyText();
                if (dep == null) {
                    continue;
                }
                String condition = null;
                YNode conditionNode = null;
                if (e.value().resolve() instanceof YMapping opts) {
                    YEntry c = opts.get("condition");
                    if (c != null) {
                        conditionNode = c.value();
                        Interpolated t = file.text(c.value());
                        condition = t == null ? null : t.text();
                    }
                }
                out.add(new Dependency(dep, e.key(), true, condition, conditionNode));
            }
        }
        return out;
    }

    /** {@code command}, when written. */
    public Optional<CommandLine> command() {
        return commandLine(value("command"));
    }

    /** {@code entrypoint}, when written. */
    public Optional<CommandLine> entrypoint() {
        return commandLine(value("entrypoint"));
    }

    /** {@code healthcheck.test}, when written and not {@code NONE}. */
    public Optional<CommandLine> healthcheckTest() {
        YNode test = value("healthcheck", "test");
        if (test instanceof YSequence seq && !seq.items().isEmpty()
                && seq.items().get(0).resolve() instanceof YScalar first) {
            List<YScalar> parts = scalars(seq);
            if ("CMD".equals(first.value())) {
                return Optional.of(new CommandLine(test, true, false, parts.subList(1, parts.size())));
            }
            if ("CMD-SHELL".equals(first.value())) {
                return Optional.of(new CommandLine(test, true, true, parts.subList(1, parts.size())));
            }
            return Optional.empty();
        }
        if (test instanceof YScalar s && !s.isNull() && !"NONE".equals(s.value())) {
            return Optional.of(new CommandLine(test, false, true, List.of(s)));
        }
        return Optional.empty();
    }

    /** The {@code command} of each {@code post_start} and {@code pre_stop} hook. */
    public List<CommandLine> lifecycleHooks() {
        List<CommandLine> out = new ArrayList<>();
        for (String hook : List.of("post_start", "pre_stop")) {
            if (value(hook) instanceof YSequence seq) {
                for (YNode item : seq.items()) {
                    if (item.resolve() instanceof YMapping m) {
                        Optional<CommandLine> c = commandLine(m.value("command"));
                        if (c.isPresent()) {
                            out.add(c.get());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The {@code environment} entries by name, from the map or the list form. */
    public Map<String, EnvironmentVariable> environment() {
        Map<String, EnvironmentVariable> out = new LinkedHashMap<>();
        YNode env = value("environment");
        if (env instanceof YMapping map) {
            for (YEntry e : map.members()) {
                String key = e.keyText();
                if (key != null) {
                    out.put(key, new EnvironmentVariable(key, e.value(), file.text(e.value())));
                }
            }
        } else if (env instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                if (item.resolve() instanceof YScalar s && !s.isNull()) {
                    String raw = s.value();
                    int eq = raw.indexOf('=');
                    String key = eq < 0 ? raw : raw.substring(0, eq);
                    Interpolated value = eq < 0 ? null : file.interpolate(raw.substring(eq + 1));
                    out.put(key, new EnvironmentVariable(key, item, value));
                }
            }
        }
        return out;
    }

    /** The items of {@code ports}, as written. */
    public List<YNode> ports() {
        return items(value("ports"));
    }

    /** The items of {@code volumes}, as written. */
    public List<YNode> volumes() {
        return items(value("volumes"));
    }

    private static List<YNode> items(YNode node) {
        if (node instanceof YSequence seq) {
            List<YNode> out = new ArrayList<>();
            for (YNode item : seq.items()) {
                out.add(item.resolve());
            }
            return out;
        }
        return List.of();
    }

    private Optional<CommandLine> commandLine(YNode node) {
        if (node instanceof YSequence seq) {
            return Optional.of(new CommandLine(seq, true, false, scalars(seq)));
        }
        if (node instanceof YScalar s && !s.isNull()) {
            return Optional.of(new CommandLine(s, false, false, List.of(s)));
        }
        return Optional.empty();
    }

    private static List<YScalar> scalars(YSequence seq) {
        List<YScalar> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            if (item.resolve() instanceof YScalar s) {
                out.add(s);
            }
        }
        return out;
    }

    private Field<Duration> duration(YMapping m, String key) {
        return field(m == null ? null : m.get(key), DURATION);
    }

    private Field<Long> bytes(YEntry e) {
        return field(e, BYTES);
    }

    /** Reads a scalar entry through interpolation and {@code parse}. */
    private <T> Field<T> field(YEntry e, Function<String, Optional<T>> parse) {
        if (e == null) {
            return Field.absent();
        }
        YNode node = e.value();
        YNode v = node.resolve();
        if (!(v instanceof YScalar s)) {
            return Field.invalid(node, null);
        }
        if (s.isNull()) {
            return Field.invalid(node, "");
        }
        Interpolated t = file.text(s);
        if (!t.known()) {
            return Field.unknown(node, s.value());
        }
        Optional<T> parsed = parse.apply(t.text().strip());
        return parsed.isPresent() ? Field.of(parsed.get(), node, t.text()) : Field.invalid(node, t.text());
    }

    /*
     * How field() parses each kind of value: classes rather than lambdas and method references, which a
     * start would have to link.
     */
    private static final Function<String, Optional<String>> TEXT = new Text();
    private static final Function<String, Optional<Double>> CPUS = new Cpus();
    private static final Function<String, Optional<Long>> BYTES = new Bytes();
    private static final Function<String, Optional<Long>> COUNT = new Count();
    private static final Function<String, Optional<Duration>> DURATION = new Durations();

    /** The text as written. */
    private static final class Text implements Function<String, Optional<String>> {
        @Override
        public Optional<String> apply(String t) {
            return Optional.of(t);
        }
    }

    /** A finite number of CPUs, such as {@code 0.5}. */
    private static final class Cpus implements Function<String, Optional<Double>> {
        @Override
        public Optional<Double> apply(String t) {
            try {
                double d = Double.parseDouble(t);
                return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** A {@link ByteSize}, such as {@code 512m}. */
    private static final class Bytes implements Function<String, Optional<Long>> {
        @Override
        public Optional<Long> apply(String t) {
            OptionalLong v = ByteSize.parse(t);
            return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
        }
    }

    /** A whole number, such as {@code retries}. */
    private static final class Count implements Function<String, Optional<Long>> {
        @Override
        public Optional<Long> apply(String t) {
            try {
                return Optional.of(Long.parseLong(t));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** A {@link ComposeDuration}, such as {@code 1m30s}. */
    private static final class Durations implements Function<String, Optional<Duration>> {
        @Override
        public Optional<Duration> apply(String t) {
            return ComposeDuration.parse(t);
        }
    }

    @Override
    public String toString() {
        return "service " + name;
    }
}
