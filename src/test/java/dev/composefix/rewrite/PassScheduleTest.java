package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.testing.TestLinters;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YScalar;
import org.junit.jupiter.api.Test;

/**
 * Which fixes share a pass. The memory plan reads memory limits and reservations, not the CPU limit,
 * so missing-cpu-limit's fixes do not hold it up; it is taken before them. Where both would add the
 * same new {@code deploy} block, the memory limit's fix carries the CPU limit, and it carries the
 * PostgreSQL, Redis and Node.js settings derived from the new limit: two passes (the second only
 * confirms nothing is left), where waiting for the CPU limits first took four, and a pass of their
 * own for the CPU limits and the settings three.
 */
class PassScheduleTest {

    private static final String STACK = "services:\n"
            + "  db:\n    image: postgres:16\n"
            + "  cache:\n    image: redis:7\n"
            + "  web:\n    image: nginx:1.27\n    mem_limit: 256m\n";

    private static RewriteResult rewrite(boolean serial) throws Exception {
        return rewrite(STACK, serial);
    }

    private static RewriteResult rewrite(String stack, boolean serial) throws Exception {
        ComposeFile file = new ComposeLoader().load("compose.yml", stack, Variables.NONE);
        return new Rewriter(TestLinters.allRules(), Variables.NONE, false, serial).rewrite("compose.yml", file);
    }

    @Test
    void theMemoryPlanDoesNotWaitForCpuLimitsAndCarriesTheTuning() throws Exception {
        RewriteResult r = rewrite(false);
        assertEquals(2, r.passes(), r.text());
        YMapping services = (YMapping) new ComposeLoader().load("out.yml", r.text(), Variables.NONE)
                .document().root().resolve();
        services = (YMapping) services.value("services");
        YMapping limits = (YMapping) ((YMapping) ((YMapping) ((YMapping) services.value("db")).value("deploy"))
                .value("resources")).value("limits");
        assertTrue(limits.value("memory") instanceof YScalar && limits.value("cpus") instanceof YScalar, r.text());
        assertTrue(r.text().contains("shared_buffers"), "PostgreSQL is tuned to its new limit:\n" + r.text());
        assertTrue(r.text().contains("--maxmemory "), "Redis is bounded by its new limit:\n" + r.text());
    }

    @Test
    void theCpuLimitComesWithTheMemoryLimitsNewBlock() throws Exception {
        String stack = "services:\n"
                + "  web:\n    image: nginx:1.27\n"
                + "  worker:\n    image: python:3.12\n    deploy:\n      replicas: 2\n";
        RewriteResult r = rewrite(stack, false);
        assertEquals(2, r.passes(), r.text());
        assertEquals(java.util.List.of(), r.remaining().stream().filter(f -> f.code().startsWith("CF10")).toList(),
                r.text());
        assertTrue(r.text().contains("          memory: 128M\n          cpus: \"0.5\"\n"), r.text());
    }

    @Test
    void takingFixesOneAtATimeReachesTheSameTreeInMorePasses() throws Exception {
        RewriteResult fast = rewrite(false);
        RewriteResult serial = rewrite(true);
        assertEquals(java.util.List.of(), TreeDiff.differences(
                new ComposeLoader().load("a.yml", serial.text(), Variables.NONE).document().root(),
                new ComposeLoader().load("b.yml", fast.text(), Variables.NONE).document().root()));
        assertTrue(serial.passes() > fast.passes(), serial.passes() + " serial passes, " + fast.passes());
    }
}
