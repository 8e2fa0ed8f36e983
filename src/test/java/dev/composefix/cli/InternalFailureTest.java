package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.faulty.MissingCpuLimit;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.rules.MissingMemoryLimit;
import dev.composefix.rules.ParseError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule that throws is an internal error (exit 3) for its file, and the other rules and files still run. */
class InternalFailureTest {

    @Test
    void aThrowingRuleIsReportedAsABugAndTheRunGoesOn() throws Exception {
        RuleCatalog catalog = new RuleCatalog(List.of(new MissingCpuLimit(), new MissingMemoryLimit()),
                List.of(ParseError.NAME));
        LintRun run = new LintRun(catalog, new LintRun.Options(null, List.of(), List.of(), null, true, null), Map.of());
        String boom = "services:\n  boom:\n    image: x\n";
        String fine = "services:\n  fine:\n    image: x\n";
        LintRun.Outcome o = run.run(List.of(
                new Input("boom.yaml", Path.of("boom.yaml"), boom.getBytes(StandardCharsets.UTF_8)),
                new Input("fine.yaml", Path.of("fine.yaml"), fine.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ExitCode.INTERNAL, o.exitCode());
        assertEquals(1, o.failures().size());
        assertEquals("internal error in rule missing-cpu-limit on file boom.yaml: "
                + "java.lang.IllegalStateException: simulated bug (at MissingCpuLimit.check:13)",
                o.failures().get(0).message(), "the message names the first composefix frame");
        assertEquals(2, o.report().findings().size(), "the other rule still reported both files");
        assertTrue(o.report().findings().stream().allMatch(f -> f.code().equals("CF101")));
    }
}
