package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config key {@code kinds}: changing fields, adding kinds, and clear errors. */
class KindOverrideTest {

    private static final long MIB = 1024 * 1024;

    private final KindTable base = KindTable.builtIn();

    private KindTable with(String kind, KindOverride override) {
        return base.withOverrides(Map.of(kind, override));
    }

    private static KindOverride fields(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return KindOverride.of(m);
    }

    @Test
    void changesAFieldAndKeepsTheRest() {
        ServiceKind before = base.byName("postgres");
        KindTable t = with("postgres", fields("memory", "768M", "cpus", "2"));
        ServiceKind after = t.byName("postgres");
        assertEquals(768 * MIB, after.memory());
        assertEquals(2.0, after.cpus());
        assertEquals(before.reservation(), after.reservation());
        assertEquals(before.healthcheck(), after.healthcheck());
        assertEquals(before.images(), after.images());
        assertEquals(512 * MIB, base.byName("postgres").memory(), "the built-in table is unchanged");
        assertEquals("postgres", t.classify("postgres:16", false).name());
        assertEquals(base.kinds().size(), t.kinds().size());
    }

    @Test
    void changesTheIntervalBandAndTiming() {
        KindTable t = with("redis", fields("interval.min", "5s", "interval.max", "20s", "timeout", "2s",
                "detection", "2m"));
        ServiceKind redis = t.byName("redis");
        assertEquals(new ServiceKind.Band(Duration.ofSeconds(5), Duration.ofSeconds(20)), redis.interval());
        assertEquals(Duration.ofSeconds(2), redis.timeout());
        assertEquals(Duration.ofMinutes(2), redis.detection());
    }

    @Test
    void replacesOrDropsTheHealthCheck() {
        ServiceKind shell = with("node-app", fields("healthcheck", "wget -q -O /dev/null http://127.0.0.1:3000/"))
                .byName("node-app");
        assertEquals(List.of("CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:3000/"), shell.healthcheck());

        ServiceKind exec = with("postgres", new KindOverride(Map.of(), null, List.of("CMD", "pg_isready")))
                .byName("postgres");
        assertEquals(List.of("CMD", "pg_isready"), exec.healthcheck());
        assertNull(exec.healthcheckSource(), "the built-in citation is for the built-in check");

        ServiceKind none = with("postgres", fields("healthcheck", "none")).byName("postgres");
        assertNull(none.healthcheck());
        assertNull(none.healthcheckSource());

        assertNull(with("mysql", fields("start_period", "none")).byName("mysql").startPeriod());
    }

    @Test
    void replacesImages() {
        KindTable t = with("postgres", new KindOverride(Map.of(), List.of("postgres", "myorg/pg"), null));
        assertEquals("postgres", t.classify("myorg/pg:16", false).name());
        assertEquals("generic", t.classify("postgis/postgis", false).name(), "images are replaced, not added");
    }

    @Test
    void aNewKindWinsTheMatch() {
        Map<String, KindOverride> overrides = new LinkedHashMap<>();
        overrides.put("pg-replica", new KindOverride(Map.of("category", "database", "memory", "1G",
                "reservation", "512M"), List.of("postgres"), null));
        overrides.put("my-api", new KindOverride(Map.of("description", "our API"), List.of("myorg/api"), null));
        KindTable t = base.withOverrides(overrides);

        ServiceKind replica = t.classify("postgres:16", false);
        assertEquals("pg-replica", replica.name());
        assertEquals(ServiceKind.Category.DATABASE, replica.category());
        assertEquals(1024 * MIB, replica.memory());
        assertEquals("pg-replica", t.kinds().get(0).name());
        assertEquals("my-api", t.kinds().get(1).name(), "new kinds keep the config's order");

        ServiceKind api = t.classify("ghcr.io/x/ignored", false);
        assertEquals("generic", api.name());
        ServiceKind mine = t.classify("myorg/api:2", true);
        assertEquals("my-api", mine.name());
        ServiceKind generic = base.byName("generic");
        assertEquals(generic.memory(), mine.memory(), "unset fields come from the generic kind");
        assertEquals(generic.category(), mine.category());
        assertEquals("our API", mine.description());
    }

    @Test
    void anUnknownFieldIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with("postgres", fields("memroy", "1G")));
        assertTrue(e.getMessage().contains("kind 'postgres'"), e.getMessage());
        assertTrue(e.getMessage().contains("field 'memroy'"), e.getMessage());
        assertTrue(e.getMessage().contains("memory"), "lists the real fields: " + e.getMessage());
    }

    @Test
    void aBadValueIsNamed() {
        assertProblem("postgres", "memory", "lots", with -> with("postgres", fields("memory", "lots")));
        assertProblem("redis", "timeout", "soon", with -> with("redis", fields("timeout", "soon")));
        assertProblem("redis", "retries", "0", with -> with("redis", fields("retries", "0")));
        assertProblem("redis", "cpus", "-1", with -> with("redis", fields("cpus", "-1")));
        assertProblem("redis", "category", "kv-store", with -> with("redis", fields("category", "kv-store")));
        assertProblem("redis", "images", "too broad",
                with -> with("redis", new KindOverride(Map.of(), List.of("*"), null)));
        assertProblem("redis", "images", "tag",
                with -> with("redis", new KindOverride(Map.of(), List.of("redis:7"), null)));
        assertProblem("redis", "healthcheck", "CMD",
                with -> with("redis", new KindOverride(Map.of(), null, List.of("redis-cli", "ping"))));
        assertProblem("generic", "images", "empty",
                with -> with("generic", new KindOverride(Map.of(), List.of("foo/bar"), null)));
    }

    @Test
    void valuesThatDisagreeAreNamed() {
        assertProblem("postgres", "reservation", "more than memory",
                with -> with("postgres", fields("memory", "128M")));
        assertProblem("postgres", "floor", "more than reservation",
                with -> with("postgres", fields("floor", "300M")));
        assertProblem("postgres", "timeout", "interval.min", with -> with("postgres", fields("timeout", "20s")));
        assertProblem("postgres", "detection", "interval.max", with -> with("postgres", fields("detection", "1m")));
        assertProblem("postgres", "interval.min", "interval.max",
                with -> with("postgres", fields("interval.min", "2m")));
    }

    @Test
    void aNewKindNeedsAValidNameAndImages() {
        assertProblem("my-cache", "images", "new kind",
                with -> with("my-cache", fields("category", "cache")));
        assertProblem("My_Cache", "name", "kebab-case",
                with -> with("My_Cache", new KindOverride(Map.of(), List.of("myorg/cache"), null)));
    }

    @Test
    void overridesDoNotLeakBetweenTables() {
        KindTable t = with("postgres", fields("memory", "1G"));
        assertNotEquals(t.byName("postgres"), base.byName("postgres"));
        assertThrows(UnsupportedOperationException.class, () -> t.kinds().clear());
    }

    private interface Change {
        KindTable apply(Object unused);
    }

    private static void assertProblem(String kind, String field, String detail, Change change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(null));
        String m = e.getMessage();
        assertTrue(m.contains("kind '" + kind + "'"), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(detail), m);
    }
}
