package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in kind is complete and self-consistent. */
class KindTableSanityTest {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    static Stream<String> kinds() {
        return KindTable.builtIn().kinds().stream().map(ServiceKind::name);
    }

    private static ServiceKind kind(String name) {
        return KindTable.builtIn().byName(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void hasItsRequiredFields(String name) {
        ServiceKind k = kind(name);
        assertTrue(KEBAB.matcher(k.name()).matches(), k.name());
        assertNotNull(k.category());
        assertFalse(k.description().isBlank());
        assertFalse(k.description().contains("\n"));
        assertTrue(k.memory() > 0 && k.reservation() > 0 && k.floor() > 0);
        assertTrue(k.cpus() > 0);
        assertNotNull(k.interval());
        assertNotNull(k.timeout());
        assertTrue(k.retries() >= 1);
        assertNotNull(k.detection());
        boolean special = k.name().equals(KindTable.BUILT_APP) || k.name().equals(KindTable.FALLBACK);
        assertEquals(special, k.images().isEmpty(), "only the built-app and fallback kinds match no image");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void memoryIsOrdered(String name) {
        ServiceKind k = kind(name);
        assertTrue(k.reservation() <= k.memory(), "reservation <= memory");
        assertTrue(k.floor() <= k.reservation(), "floor <= reservation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void timingFits(String name) {
        ServiceKind k = kind(name);
        assertTrue(k.interval().min().compareTo(k.interval().max()) <= 0, "band min <= max");
        assertTrue(k.timeout().compareTo(k.interval().min()) < 0, "timeout < band min");
        Duration worst = k.interval().max().multipliedBy(k.retries()).plus(k.timeout());
        assertTrue(worst.compareTo(k.detection()) <= 0, "band max x retries + timeout <= detection");
        long seconds = k.interval().max().minus(k.interval().min()).toSeconds();
        assertTrue(seconds + 1 >= 12, "the band holds at least a dozen whole-second intervals");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void healthCheckIsExecFormWithASource(String name) {
        ServiceKind k = kind(name);
        if (!k.hasHealthcheck()) {
            assertNull(k.healthcheckSource());
            return;
        }
        List<String> test = k.healthcheck();
        assertTrue(test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL"), test.toString());
        if (test.get(0).equals("CMD-SHELL")) {
            assertEquals(2, test.size(), "CMD-SHELL takes one script");
        }
        assertTrue(test.size() >= 2);
        for (String word : test) {
            assertFalse(word.replace("$$", "").contains("$"), "Compose would interpolate a single $ in " + word);
        }
        assertNotNull(k.healthcheckSource());
        assertTrue(k.healthcheckSource().contains("https://"), "the source cites a URL");
    }

    @Test
    void slowStartersHaveAStartPeriodAndFastOnesNone() {
        KindTable t = KindTable.builtIn();
        for (String slow : List.of("postgres", "mysql", "mariadb", "mongo", "mssql", "clickhouse", "cassandra",
                "elasticsearch", "opensearch", "kafka", "jvm-app", "n8n")) {
            assertNotNull(t.byName(slow).startPeriod(), slow);
        }
        for (ServiceKind k : t.kinds()) {
            if (k.category() == ServiceKind.Category.CACHE || k.category() == ServiceKind.Category.PROXY) {
                assertNull(k.startPeriod(), k.name());
            }
        }
    }

    @Test
    void theRequiredKindsExist() {
        KindTable t = KindTable.builtIn();
        for (String name : List.of("postgres", "mysql", "mariadb", "mongo", "redis", "valkey", "keydb", "memcached",
                "clickhouse", "elasticsearch", "opensearch", "rabbitmq", "kafka", "zookeeper", "nginx", "traefik",
                "caddy", "haproxy", "node-app", "n8n", "grafana", "prometheus", "python-app", "jvm-app", "go-app",
                "built-app", "generic")) {
            assertEquals(name, t.byName(name).name());
        }
        List<ServiceKind> all = t.kinds();
        assertEquals(Set.of(KindTable.BUILT_APP, KindTable.FALLBACK),
                Set.of(all.get(all.size() - 2).name(), all.get(all.size() - 1).name()), "the fallbacks come last");
    }

    @Test
    void noPatternIsListedTwiceOrShadowedByAnEarlierKind() {
        KindTable t = KindTable.builtIn();
        Map<String, String> seen = new HashMap<>();
        for (ServiceKind k : t.kinds()) {
            for (String p : k.images()) {
                String before = seen.put(p, k.name());
                assertNull(before, p + " is in " + before + " and " + k.name());
                if (!p.contains("*")) {
                    assertEquals(k.name(), t.classify(p, false).name(), p + " is taken by an earlier kind");
                }
            }
        }
    }

    @Test
    void builtInIsLoadedOnce() {
        assertSame(KindTable.builtIn(), KindTable.builtIn());
    }
}
