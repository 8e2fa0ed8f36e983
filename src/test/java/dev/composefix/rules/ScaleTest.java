package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.engine.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-service stack lints completely and correctly. (Speed is measured by the benchmark, not
 * asserted here; this pins that the collision rule's grouping gives the right answer at scale.)
 */
class ScaleTest {

    @Test
    void tenThousandServicesOnOneBeatEachNameFiveAndCountTheRest() throws Exception {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("  s").append(i).append(":\n    image: nginx:1.27\n    mem_limit: 64m\n    cpus: 0.1\n")
                    .append("    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: ")
                    .append(i % 2 == 0 ? "30s" : "7m").append("\n      timeout: 5s\n");
        }
        LintRun run = new LintRun(Rules.catalog(), new LintRun.Options(null, List.of(), List.of(), null, true, null),
                Map.of());
        LintRun.Outcome o = run.run(List.of(new Input("big.yaml", Path.of("big.yaml"),
                b.toString().getBytes(StandardCharsets.UTF_8))));
        assertTrue(o.failures().isEmpty());
        List<Finding> findings = o.report().findings().stream().filter(f -> f.code().equals("CF103")).toList();
        assertEquals(10_000, findings.size(), "every service collides: 30s with 30s, and 30s with 7m (lcm 7m)");
        Finding first = findings.get(0);
        assertEquals("s0", first.service());
        assertTrue(first.message().contains("as s1 (every 7m, together every 7m), s2 (every 30s), s3 (every 7m,"
                + " together every 7m), s4 (every 30s), s5 (every 7m, together every 7m) and 9994 more"),
                first.message());
        Finding odd = findings.get(1);
        assertEquals("s1", odd.service());
        assertTrue(odd.message().contains("and 9994 more"), odd.message());
        assertTrue(odd.message().startsWith("health check every 7m fires in the same second as s0 (every 30s, "
                + "together every 7m), s2"), odd.message());
    }
}
