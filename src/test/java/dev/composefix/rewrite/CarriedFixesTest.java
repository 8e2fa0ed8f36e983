package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.Linter;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import dev.composefix.testing.TestLinters;
import dev.composefix.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixes that carry what other rules derive from them, so a rewrite needs no pass of their own after
 * them: the memory limit's fix carries the CPU limit and the PostgreSQL, Redis and Node.js settings
 * for the limit it adds; a new health check carries the {@code condition: service_healthy} of the
 * services that wait for it. What they carry must be what those rules give once the limit or check is
 * in the file: a rewrite in one go reaches the same tree as a rewrite that first makes the carrying
 * fixes alone (only their rules run, so nothing else is carried) and then rewrites that result with
 * every rule.
 */
class CarriedFixesTest {

    /** The rules whose fixes carry others, each with those it needs to run alone (the CPU limit with the memory limit). */
    private static final List<Set<String>> FIRST = List.of(Set.of("CF101", "CF102"), Set.of("CF202"));

    static Stream<Long> seeds() {
        return Seeds.of(11L, 400);
    }

    static Stream<Path> corpus() throws IOException {
        return SharedData.corpusFiles();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedStacks(long seed) throws Exception {
        String text = ComposeStackGenerator.generate(seed);
        for (Set<String> first : FIRST) {
            assertSameTree("generated.yaml", text, Seeds.replay(seed) + "\ninput:\n" + text, first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFiles(Path path) throws Exception {
        for (Set<String> first : FIRST) {
            assertSameTree(path.toString(), Files.readString(path), path.toString(), first);
        }
    }

    @Test
    void theStacksThatCarryTuningAreCovered() throws Exception {
        // The comparison means something only where tuning is carried: a stack of each server kind.
        String stack = "services:\n  db:\n    image: postgres:16\n    deploy: {}\n  cache:\n    image: redis:7\n"
                + "  ui:\n    image: node:22\n    environment:\n      NODE_OPTIONS: --max-old-space-size=4096\n";
        RewriteResult once = assertSameTree("compose.yml", stack, stack, FIRST.get(0));
        assertTrue(once.text().contains("-c shared_buffers=") && once.text().contains("--maxmemory ")
                && once.text().contains("--max-old-space-size=384"), once.text());
        assertEquals(2, once.passes(), once.text());
    }

    @Test
    void settingsAboveTheNewLimitAreLoweredInItsPass() throws Exception {
        // maxmemory and shared_buffers set for more than the limits the memory plan gives these services:
        // lowered with the limit (redis-maxmemory-mismatch, postgres-memory-mismatch), not a pass later.
        String stack = "services:\n  cache:\n    image: redis:7\n    command: [\"redis-server\", \"--maxmemory\", \"2gb\"]\n"
                + "  db:\n    image: postgres:16\n    command: [\"postgres\", \"-c\", \"shared_buffers=4GB\"]\n";
        RewriteResult r = assertOneFixingPass(stack, FIRST.get(0));
        assertTrue(!r.text().contains("2gb") && !r.text().contains("shared_buffers=4GB"), r.text());
    }

    @Test
    void tuningCarriedIntoAListThatEndsItsService() throws Exception {
        // The command list ends where the memory plan adds its deploy block: the new items are deeper, so
        // they go first, in the same pass (they used to meet the block, and the tuning waited a pass).
        String stack = "services:\n  db:\n    image: postgres:16\n    command:\n      - \"postgres\"\n"
                + "      - \"-c\"\n      - \"wal_level=logical\"\n";
        RewriteResult r = assertOneFixingPass(stack, FIRST.get(0));
        assertTrue(r.text().contains("      - \"max_wal_size=4GB\"\n    deploy:\n"), r.text());
    }

    @Test
    void theStacksThatCarryConditionsAreCovered() throws Exception {
        // A service waiting for two new checks gets its conditions in the same pass too: from the fix that
        // adds every new check (HealthcheckIntervalCollision.joint), not from either check's own.
        String stack = "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n"
                + "  api:\n    image: example/api:1\n    depends_on: [db]\n"
                + "  worker:\n    image: example/worker:1\n    depends_on: [db, cache]\n";
        String bothHealthy = "depends_on: {db: {condition: service_healthy}, cache: {condition: service_healthy}}";
        assertOneFixingPass(stack, bothHealthy);
        // One new check and one the file has: depends-on-not-healthy's finding about the old one carries
        // the same fix, which makes the service wait for both.
        assertOneFixingPass("services:\n  db:\n    image: postgres:16\n"
                + "  cache:\n    image: redis:7\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n"
                + "  worker:\n    image: example/worker:1\n    depends_on: [db, cache]\n", bothHealthy);
        // A check healthcheck-missing may not add (silenced for cache) is not waited for.
        assertOneFixingPass(stack.replace("  cache:\n", "  cache: # composefix: ignore[healthcheck-missing]\n"),
                "depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}");
        assertOneFixingPass("services:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n"
                + "    depends_on: [db]\n", "depends_on: {db: {condition: service_healthy}}");
    }

    @Test
    void aConditionCarriedWhereTheListEndsItsService() throws Exception {
        // grafana's list ends where the memory plan adds its deploy block: the condition's new line is
        // deeper, so it goes first, in the same pass (it used to meet the block and wait a pass, and the
        // collision plan, waiting for ch's new check at probe's 15s, a pass more; now the collision plan
        // times ch's new check in the same pass too). CarryingChoiceTest holds what a pass does when
        // carried edits do meet a fix taken before them.
        String stack = "services:\n  ch:\n    image: clickhouse/clickhouse-server:24.8\n"
                + "  grafana:\n    image: grafana/grafana:11.2.0\n    depends_on:\n      - ch\n"
                + "  probe:\n    image: busybox:1.36\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n"
                + "      interval: 15s\n";
        RewriteResult r = assertOneFixingPass(stack, FIRST.get(1));
        assertTrue(r.text().contains("    depends_on:\n      ch:\n        condition: service_healthy\n    deploy:\n"),
                r.text());
        assertTrue(r.text().contains("  ch:\n    image: clickhouse/clickhouse-server:24.8\n    deploy:"), r.text());
    }

    /** Two services whose new checks (healthcheck-missing) meet the file's, which fire together. */
    private static final String NEW_CHECKS_COLLIDE = "services:\n"
            + "  db:\n    image: postgres:16\n"
            + "  cache:\n    image: redis:7\n"
            + "  api:\n    image: example/api:1\n    depends_on: [db]\n"
            + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n"
            + "  worker:\n    image: example/worker:1\n    depends_on: [cache]\n"
            + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n";

    @Test
    void theCollisionPlanTimesTheNewChecksInTheirPass() throws Exception {
        // The collision plan used to wait a pass for the new checks of db and cache, and then move them
        // and the file's two checks; planned together with them, it all takes one fixing pass.
        RewriteResult r = assertSameTree("compose.yml", NEW_CHECKS_COLLIDE, NEW_CHECKS_COLLIDE, FIRST.get(1));
        assertEquals(2, r.passes(), r.text());
        List<String> intervals = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("interval: (\\w+)").matcher(r.text());
        while (m.find()) {
            intervals.add(m.group(1));
        }
        assertEquals(4, intervals.size(), r.text());
        assertEquals(4, Set.copyOf(intervals).size(), "the four checks are staggered: " + r.text());
    }

    @Test
    void aNewCheckIsPlannedWhateverTheLineCommentsOfItsService() throws Exception {
        // A comment on db's line silences the collision finding there, not at the new check's lines (which
        // the file does not have yet): the plan moves the new check as the next pass would.
        String commented = NEW_CHECKS_COLLIDE.replace("  db:\n",
                "  db: # composefix: ignore[healthcheck-interval-collision]\n");
        RewriteResult r = assertSameTree("compose.yml", commented, commented, FIRST.get(1));
        assertEquals(2, r.passes(), r.text());
        // Silenced for the whole file, nothing is moved: the new checks keep their kinds' intervals.
        String silenced = "# composefix: ignore-file[healthcheck-interval-collision]\n" + NEW_CHECKS_COLLIDE;
        RewriteResult quiet = assertSameTree("compose.yml", silenced, silenced, FIRST.get(1));
        assertEquals(2, quiet.passes(), quiet.text());
        assertTrue(quiet.text().contains("  api:\n    image: example/api:1\n    depends_on: {db: {condition: service_healthy}}\n"
                + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n"), quiet.text());
        assertTrue(quiet.text().contains("      test: [\"CMD\", \"redis-cli\", \"ping\"]\n      interval: 10s\n"), quiet.text());
    }

    /** A rewrite of {@code stack} in one fixing pass (and a checking one) reaches CF202-first's tree, with {@code text}. */
    private static void assertOneFixingPass(String stack, String text) throws Exception {
        RewriteResult r = assertOneFixingPass(stack, FIRST.get(1));
        assertTrue(r.text().contains(text), r.text());
    }

    /** A rewrite of {@code stack} in one fixing pass (and a checking one) reaches the tree of {@code first} first. */
    private static RewriteResult assertOneFixingPass(String stack, Set<String> first) throws Exception {
        RewriteResult r = assertSameTree("compose.yml", stack, stack, first);
        assertEquals(2, r.passes(), r.text());
        return r;
    }

    @Test
    void aCheckAddedBeyondTheWindowIsWrittenWithThePlan() throws Exception {
        // With a 12-second window, db's new check (postgres: every 15s) collides with nothing, while the
        // file's two checks do: the plan moves those and writes db's check too, so it does not wait for it.
        String stack = "services:\n  db:\n    image: postgres:16\n"
                + "  api:\n    image: example/api:1\n    depends_on: [db]\n"
                + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n"
                + "  worker:\n    image: example/worker:1\n"
                + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n";
        Map<String, Map<String, String>> window = Map.of("CF103", Map.of("window", "12s"));
        RewriteResult r = assertSameTree("compose.yml", stack, stack, FIRST.get(1), window);
        assertEquals(2, r.passes(), r.text());
        assertTrue(r.text().contains("      interval: 15s\n"), r.text());
        assertTrue(!r.text().contains("interval: 10s\n      timeout: 5s") && r.text().split("interval: 10s", -1).length <= 2,
                "the two checks no longer share 10s: " + r.text());
    }

    private static RewriteResult assertSameTree(String name, String text, String context, Set<String> first)
            throws Exception {
        return assertSameTree(name, text, context, first, Map.of());
    }

    private static RewriteResult assertSameTree(String name, String text, String context, Set<String> first,
            Map<String, Map<String, String>> options) throws Exception {
        ComposeFile file;
        try {
            file = new ComposeLoader().load(name, text, Variables.NONE);
        } catch (YamlException e) {
            return null; // not a compose file the rules see
        }
        Linter all = TestLinters.rules(m -> true, options);
        RewriteResult once;
        RewriteResult alone;
        try {
            once = new Rewriter(all, Variables.NONE, false).rewrite(name, file);
            alone = new Rewriter(TestLinters.rules(m -> first.contains(m.code()), options), Variables.NONE, false)
                    .rewrite(name, file);
        } catch (RewriteFailure e) {
            return null; // a rewrite refused: RewritePropertyTest holds what that may be
        }
        RewriteResult then = new Rewriter(all, Variables.NONE, false).rewrite(name,
                new ComposeLoader().load(name, alone.text(), Variables.NONE));
        List<String> differences = TreeDiff.differences(
                new ComposeLoader().load(name, once.text(), Variables.NONE).document().root(),
                new ComposeLoader().load(name, then.text(), Variables.NONE).document().root());
        assertEquals(List.of(), differences, () -> context + "\nin one go:\n" + once.text() + "\n" + first + " first:\n"
                + then.text());
        return once;
    }
}
