package dev.composefix.config;

import dev.composefix.engine.Host;
import dev.composefix.engine.Severity;
import dev.composefix.kinds.KindTable;
import dev.composefix.tuning.TuningOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded {@code .composefix.yml}: per-rule settings keyed by rule code, exclusions, the fail-on
 * threshold (null means "never"), the host, service kinds, and the tuning choices for PostgreSQL and
 * Redis. {@code file} is null for the built-in defaults.
 */
public record Config(Path file, Map<String, RuleSetting> rules, List<Exclusion> excludes, Severity failOn,
        boolean failOnSet, Host host, KindTable kinds, TuningOptions tuning) {

    public static final Config DEFAULT = new Config(null, Map.of(), List.of(), Severity.WARNING, false,
            Host.UNKNOWN, null, TuningOptions.DEFAULT);

    public Config {
        rules = Map.copyOf(rules);
        excludes = List.copyOf(excludes);
    }

    /** The service kinds in effect: the built-in table with this config's changes. */
    public KindTable kindTable() {
        return kinds != null ? kinds : KindTable.builtIn();
    }

    /** The directory relative to which exclusion paths are read. */
    public Path baseDirectory() {
        return file == null ? null : file.toAbsolutePath().normalize().getParent();
    }

    /** One rule's setting: turned off, a forced severity (or null), and option values as text. */
    public record RuleSetting(boolean off, Severity severity, Map<String, String> options) {

        public RuleSetting {
            options = Map.copyOf(options);
        }
    }

    /** Findings to drop: those in files matching {@code path}, of {@code service}, of {@code rules}. */
    public record Exclusion(String path, String service, List<String> rules, String reason) {

        public Exclusion {
            rules = List.copyOf(rules);
        }
    }
}
