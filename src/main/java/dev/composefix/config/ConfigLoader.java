package dev.composefix.config;

import dev.composefix.engine.Host;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOption;
import dev.composefix.engine.RuleOptions;
import dev.composefix.engine.Severity;
import dev.composefix.engine.Spelling;
import dev.composefix.kinds.KindOverride;
import dev.composefix.kinds.KindTable;
import dev.composefix.tuning.PgTune;
import dev.composefix.tuning.TuningOptions;
import dev.composefix.model.ByteSize;
import dev.composefix.schema.SchemaCheck;
import dev.composefix.schema.SchemaProblem;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds and reads {@code .composefix.yml}: searched from a directory upward to the repository root
 * (the directory holding {@code .git}) or the filesystem root; validated against
 * {@code schemas/config.schema.json}, then against the rule catalog (rule names, option names and
 * option values), with every problem named by file, line and column.
 */
public final class ConfigLoader {

    public static final List<String> NAMES = List.of(".composefix.yml", ".composefix.yaml");

    private final RuleCatalog catalog;

    public ConfigLoader(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** The config file that applies to files in {@code directory}, if any. */
    public static Optional<Path> find(Path directory) throws ConfigException {
        return find(directory, new java.util.HashMap<>());
    }

    /**
     * Like {@link #find(Path)}, with the answers for directories already looked at in {@code known} (by
     * absolute, normalised path), and those for the directories this walk passes through added: the
     * files of a run share their parent directories, each of which then costs its file checks once.
     */
    public static Optional<Path> find(Path directory, java.util.Map<Path, Optional<Path>> known)
            throws ConfigException {
        Path dir = directory.toAbsolutePath().normalize();
        List<Path> walked = new ArrayList<>();
        Optional<Path> answer = Optional.empty();
        while (dir != null) {
            Optional<Path> seen = known.get(dir);
            if (seen != null) {
                answer = seen;
                break;
            }
            walked.add(dir);
            List<Path> present = new ArrayList<>();
            for (String name : NAMES) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    present.add(p);
                }
            }
            if (present.size() > 1) {
                throw new ConfigException(present.get(1).toString(), null,
                        "both .composefix.yml and .composefix.yaml exist here; keep one");
            }
            if (present.size() == 1) {
                answer = Optional.of(present.get(0));
                break;
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
            dir = dir.getParent();
        }
        // Every directory walked through had neither a config nor .git: the answer is the same for all.
        for (Path w : walked) {
            known.put(w, answer);
        }
        return answer;
    }

    public Config load(Path file) throws ConfigException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(name, null, "cannot read config file: " + e.getMessage());
        }
        YamlDocument doc;
        try {
            doc = new YamlLoader().load(bytes);
        } catch (YamlException e) {
            throw new ConfigException(name, e.position(), e.getMessage());
        }
        YNode root = doc.root() == null ? null : doc.root().resolve();
        if (root == null || (root instanceof YScalar s && s.isNull())) {
            return new Config(file, Map.of(), List.of(), Severity.WARNING, false, Host.UNKNOWN, null, TuningOptions.DEFAULT);
        }
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (SchemaProblem p : SchemaCheck.resource("/schemas/config.schema.json").check(root)) {
            problems.add(new ConfigException.Problem(name, p.span().start(), p.message()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        YMapping m = (YMapping) root;
        Map<String, Config.RuleSetting> rules = readRules(name, m.value("rules"), problems);
        List<Config.Exclusion> excludes = readExcludes(name, m.value("exclude"), problems);
        Severity failOn = Severity.WARNING;
        boolean failOnSet = false;
        if (m.value("fail-on") instanceof YScalar f) {
            failOnSet = true;
            failOn = Severity.parse(f.value()).orElse(null); // "never"
        }
        Host host = readHost(name, m.value("host"), problems);
        KindTable kinds = readKinds(name, m.value("kinds"), problems);
        TuningOptions tuning = readTuning(m.value("postgres"), m.value("redis"));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(file, rules, excludes, failOn, failOnSet, host, kinds, tuning);
    }

    private Map<String, Config.RuleSetting> readRules(String file, YNode node, List<ConfigException.Problem> problems) {
        Map<String, Config.RuleSetting> out = new LinkedHashMap<>();
        if (!(node instanceof YMapping rules)) {
            return out;
        }
        for (YEntry e : rules.members()) {
            RuleMetadata meta = catalog.find(e.keyText());
            if (meta == null) {
                problems.add(new ConfigException.Problem(file, e.key().start(), "unknown rule '" + e.keyText()
                        + "'" + Spelling.hint(e.keyText(), catalog.names())));
                continue;
            }
            YNode v = e.value().resolve();
            String level = null;
            Map<String, String> options = new LinkedHashMap<>();
            if (v instanceof YScalar s) {
                level = s.value();
            } else if (v instanceof YMapping setting) {
                if (setting.value("severity") instanceof YScalar s) {
                    level = s.value();
                }
                if (setting.value("options") instanceof YMapping opts) {
                    readOptions(file, meta, opts, options, problems);
                }
            }
            if (out.put(meta.code(), new Config.RuleSetting("off".equals(level),
                    level == null ? null : Severity.parse(level).orElse(null), options)) != null) {
                problems.add(new ConfigException.Problem(file, e.key().start(), "rule " + meta.code() + " ("
                        + meta.name() + ") is configured twice"));
            }
        }
        return out;
    }

    private static void readOptions(String file, RuleMetadata meta, YMapping opts, Map<String, String> out,
            List<ConfigException.Problem> problems) {
        List<String> declared = new ArrayList<>();
        for (RuleOption o : meta.options()) {
            declared.add(o.name());
        }
        for (YEntry oe : opts.members()) {
            RuleOption option = meta.option(oe.keyText());
            if (option == null) {
                problems.add(new ConfigException.Problem(file, oe.key().start(), "rule " + meta.name()
                        + " has no option '" + oe.keyText() + "'" + (declared.isEmpty() ? " (it takes none)"
                        : Spelling.hint(oe.keyText(), declared))));
                continue;
            }
            String text = ((YScalar) oe.value().resolve()).value();
            Optional<String> wrong = RuleOptions.check(option.type(), text);
            if (wrong.isPresent()) {
                problems.add(new ConfigException.Problem(file, oe.value().start(), "option " + option.name()
                        + " of rule " + meta.name() + ": " + wrong.get()));
            } else {
                out.put(option.name(), text);
            }
        }
    }

    private List<Config.Exclusion> readExcludes(String file, YNode node, List<ConfigException.Problem> problems) {
        List<Config.Exclusion> out = new ArrayList<>();
        if (!(node instanceof YSequence seq)) {
            return out;
        }
        for (YNode item : seq.items()) {
            YMapping ex = (YMapping) item.resolve();
            List<String> codes = new ArrayList<>();
            if (ex.value("rules") instanceof YSequence rules) {
                for (YNode r : rules.items()) {
                    String name = ((YScalar) r.resolve()).value();
                    RuleMetadata meta = catalog.find(name);
                    if (meta == null) {
                        problems.add(new ConfigException.Problem(file, r.start(), "unknown rule '" + name + "'"
                                + Spelling.hint(name, catalog.names())));
                    } else {
                        codes.add(meta.code());
                    }
                }
            }
            out.add(new Config.Exclusion(text(ex, "path"), text(ex, "service"), codes, text(ex, "reason")));
        }
        return out;
    }

    /** The {@code postgres} and {@code redis} sections (their values were checked by the schema). */
    private static TuningOptions readTuning(YNode postgres, YNode redis) {
        TuningOptions d = TuningOptions.DEFAULT;
        PgTune.Profile profile = d.profile();
        PgTune.Storage storage = d.storage();
        int percent = d.redisMaxmemoryPercent();
        String policy = d.redisPolicyChoice();
        if (postgres instanceof YMapping pg) {
            if (pg.value("profile") instanceof YScalar s) {
                profile = PgTune.Profile.valueOf(s.value().toUpperCase(java.util.Locale.ROOT));
            }
            if (pg.value("storage") instanceof YScalar s) {
                storage = PgTune.Storage.valueOf(s.value().toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (redis instanceof YMapping r) {
            if (r.value("maxmemory-percent") instanceof YScalar s) {
                percent = Integer.parseInt(s.value());
            }
            if (r.value("policy") instanceof YScalar s) {
                policy = s.value();
            }
        }
        return new TuningOptions(profile, storage, percent, policy);
    }

    private static Host readHost(String file, YNode node, List<ConfigException.Problem> problems) {
        if (!(node instanceof YMapping h)) {
            return Host.UNKNOWN;
        }
        Long memory = null;
        Double cpus = null;
        if (h.value("memory") instanceof YScalar s) {
            OptionalLong bytes = ByteSize.parse(s.value());
            if (bytes.isEmpty() || bytes.getAsLong() <= 0) {
                problems.add(new ConfigException.Problem(file, s.start(), "host.memory: '" + s.value()
                        + "' is not a byte size such as 6G or 8192M"));
            } else {
                memory = bytes.getAsLong();
            }
        }
        if (h.value("cpus") instanceof YScalar s) {
            cpus = Double.parseDouble(s.value()); // the schema checked it is a positive number
        }
        return new Host(memory, cpus);
    }

    /**
     * Reads the kind overrides, checking each kind on its own so a bad value is named at its kind
     * (and field, when the message names one).
     */
    private static KindTable readKinds(String file, YNode node, List<ConfigException.Problem> problems) {
        if (!(node instanceof YMapping kinds) || kinds.members().isEmpty()) {
            return null;
        }
        Map<String, KindOverride> all = new LinkedHashMap<>();
        for (YEntry e : kinds.members()) {
            YMapping k = (YMapping) e.value().resolve();
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> images = null;
            List<String> healthcheck = null;
            for (YEntry f : k.members()) {
                YNode v = f.value().resolve();
                String field = f.keyText();
                if (field.equals("images") && v instanceof YSequence seq) {
                    images = strings(seq);
                } else if (field.equals("healthcheck") && v instanceof YSequence seq) {
                    healthcheck = strings(seq);
                } else if (field.equals("interval") && v instanceof YMapping band) {
                    for (YEntry b : band.members()) {
                        fields.put("interval." + b.keyText(), ((YScalar) b.value().resolve()).value());
                    }
                } else if (v instanceof YScalar s) {
                    fields.put(field, s.value());
                }
            }
            KindOverride override = new KindOverride(fields, images, healthcheck);
            try {
                KindTable.builtIn().withOverrides(Map.of(e.keyText(), override));
                all.put(e.keyText(), override);
            } catch (IllegalArgumentException | IllegalStateException ex) {
                YNode at = e.key();
                for (YEntry f : k.members()) {
                    if (ex.getMessage() != null && ex.getMessage().contains("field '" + f.keyText())) {
                        at = f.value();
                    }
                }
                problems.add(new ConfigException.Problem(file, at.start(), "kinds." + e.keyText() + ": "
                        + ex.getMessage()));
            }
        }
        try {
            return KindTable.builtIn().withOverrides(all);
        } catch (IllegalArgumentException | IllegalStateException ex) {
            problems.add(new ConfigException.Problem(file, kinds.start(), "kinds: " + ex.getMessage()));
            return null;
        }
    }

    private static List<String> strings(YSequence seq) {
        List<String> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            out.add(((YScalar) item.resolve()).value());
        }
        return out;
    }

    private static String text(YMapping m, String key) {
        return m.value(key) instanceof YScalar s && !s.isNull() ? s.value() : null;
    }
}
