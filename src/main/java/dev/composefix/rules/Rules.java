package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleCatalog;
import java.util.List;

/** The rule registry: every rule composefix runs, and the catalog built from their metadata. */
public final class Rules {

    private static RuleCatalog catalog;

    private Rules() {
    }

    /** New instances of every rule that checks files, in code order. */
    public static List<Rule> all() {
        return List.of(
                new UnknownSuppression(),
                new UnusedSuppression(),
                new MissingMemoryLimit(),
                new MissingCpuLimit(),
                new HealthcheckIntervalCollision(),
                new HealthcheckTiming(),
                new ForceRemove(),
                new ObsoleteVersionKey(),
                new DependsOnNotHealthy(),
                new MemoryBudgetExceeded(),
                new HealthcheckMissing(),
                new PostgresUntuned(),
                new PostgresMemoryMismatch(),
                new PostgresShmSize(),
                new RedisMaxmemoryMissing(),
                new RedisMaxmemoryMismatch(),
                new RedisAmbiguousUnit(),
                new NodeHeapMismatch(),
                new JvmHeapMismatch(),
                new PostgresConfigFile(),
                new DestructiveCleanup(),
                new RestartLoop(),
                new SchemaViolation(),
                new DependsOnUnknownService(),
                new DependsOnCycle(),
                new UndefinedVolume(),
                new UndefinedNetwork(),
                new UndefinedSecretOrConfig(),
                new DuplicateContainerName(),
                new DuplicateHostPort(),
                new UnusedVolume(),
                new UnusedNetwork(),
                new ReservationExceedsLimit(),
                new RestartStorm(),
                new StopGracePeriod(),
                new Privileged(),
                new DockerSocketMount(),
                new DangerousCapability(),
                new HostNamespace(),
                new SecurityOptDisabled(),
                new SensitiveHostMount(),
                new NoNewPrivileges(),
                new ReadOnlyRoot(),
                new DatabasePortExposed(),
                new ImageTagUnpinned(),
                new LoggingUnbounded(),
                new NodeModulesBindMount(),
                new PidsLimitMissing(),
                new SecretInEnvironment());
    }

    /** Rules the engine reports itself, without a {@link Rule} object. */
    public static List<String> builtIn() {
        return List.of(ParseError.NAME);
    }

    public static synchronized RuleCatalog catalog() {
        if (catalog == null) {
            catalog = new RuleCatalog(all(), builtIn());
        }
        return catalog;
    }
}
