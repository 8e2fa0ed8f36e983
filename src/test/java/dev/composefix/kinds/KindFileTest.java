package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds.yaml format, and how a malformed built-in entry is reported. */
class KindFileTest {

    private static final String FALLBACKS = """
              - name: built-app
                category: app
                description: built here
                images: []
                memory: 1G
                reservation: 512M
                floor: 256M
                cpus: 1
                interval: {min: 15s, max: 90s}
                timeout: 5s
                retries: 3
                detection: 5m
              - name: generic
                category: generic
                description: anything
                images: []
                memory: 512M
                reservation: 256M
                floor: 128M
                cpus: 0.5
                interval: {min: 15s, max: 90s}
                timeout: 5s
                retries: 3
                detection: 5m
            """;

    private static final String CACHE = """
            kinds:
              - name: cache
                category: cache
                description: a cache
                images: [acme/cache, "registry.example.com/acme/*-cache"]
                memory: 256M
                reservation: 128M
                floor: 64M
                cpus: 0.5
                interval: {min: 10s, max: 30s}
                timeout: 3s
                retries: 3
                detection: 2m
                healthcheck: ["CMD-SHELL", 'cache-cli -p "$${PORT:-1}" ping']
                healthcheck_source: https://example.com/Dockerfile
            """;

    @Test
    void readsEveryField() {
        KindTable t = KindTable.fromBuiltInText(CACHE + FALLBACKS);
        ServiceKind k = t.byName("cache");
        assertEquals(ServiceKind.Category.CACHE, k.category());
        assertEquals(List.of("acme/cache", "registry.example.com/acme/*-cache"), k.images());
        assertEquals(256L << 20, k.memory());
        assertEquals(new ServiceKind.Band(Duration.ofSeconds(10), Duration.ofSeconds(30)), k.interval());
        assertEquals(List.of("CMD-SHELL", "cache-cli -p \"$${PORT:-1}\" ping"), k.healthcheck());
        assertEquals("cache", t.classify("registry.example.com/acme/fast-cache:1", false).name());
        assertEquals("generic", t.classify("other.example.com/acme/fast-cache:1", false).name());
        assertEquals("built-app", t.classify(null, true).name());
    }

    @Test
    void aMalformedBuiltInEntryIsOurBugNamingEntryAndField() {
        String broken = CACHE.replace("memory: 256M", "memory: plenty") + FALLBACKS;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KindTable.fromBuiltInText(broken));
        assertTrue(e.getMessage().contains("kinds.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
        assertTrue(e.getMessage().contains("kind 'cache', field 'memory'"), e.getMessage());
    }

    @Test
    void structuralProblemsAreNamed() {
        assertBroken(CACHE.replace("    floor: 64M\n", "") + FALLBACKS, "field 'floor': missing");
        assertBroken(CACHE.replace("floor: 64M", "flor: 64M") + FALLBACKS, "field 'flor'");
        assertBroken(CACHE.replace("interval: {min: 10s, max: 30s}", "interval: 10s") + FALLBACKS,
                "field 'interval'");
        assertBroken(CACHE.replace("interval: {min: 10s, max: 30s}", "interval: {min: 10s, top: 30s}") + FALLBACKS,
                "top");
        assertBroken(CACHE.replace("    healthcheck_source: https://example.com/Dockerfile\n", "") + FALLBACKS,
                "field 'healthcheck_source': missing");
        assertBroken(CACHE, "kind 'built-app', field 'name': missing");
        assertBroken(CACHE + FALLBACKS.replace("name: generic", "name: cache"), "a second kind");
        assertBroken("kinds: {}\n", "'kinds' list");
        assertBroken("kinds:\n  - just a string\n", "not a mapping");
        assertBroken("kinds: [\n", "line");
    }

    private static void assertBroken(String text, String detail) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KindTable.fromBuiltInText(text));
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
