package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.Finding;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared fingerprint: stable when lines move, different when the finding differs, unique in a report. */
class FingerprintTest {

    private static final String STACK = "services:\n"
            + "  db:\n"
            + "    image: postgres:16\n"
            + "    healthcheck:\n"
            + "      test: [\"CMD\", \"pg_isready\"]\n"
            + "      interval: 10s\n"
            + "  cache:\n"
            + "    image: redis:7\n"
            + "    healthcheck:\n"
            + "      test: [\"CMD\", \"redis-cli\", \"ping\"]\n"
            + "      interval: 10s\n";

    /** Fingerprint by rule, service and the finding's first words, for comparing two runs. */
    private static Map<String, String> byFinding(Report r) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            out.put(f.code() + " " + f.service(), r.fingerprints().get(i));
        }
        return out;
    }

    @Test
    void survivesLinesAddedAboveAndIndentationChanges() {
        Report before = Lint.report("compose.yaml", STACK);
        Report after = Lint.report("compose.yaml", "# a comment\n\n# and another\n" + STACK.replace("services:\n",
                "services:\n  # the database\n"));
        assertEquals(byFinding(before), byFinding(after));
        assertNotEquals(before.findings().get(0).start().line(), after.findings().get(0).start().line());
    }

    @Test
    void dependsOnRuleFileServiceAndText() {
        Map<String, String> a = byFinding(Lint.report("compose.yaml", STACK));
        Map<String, String> otherFile = byFinding(Lint.report("other/compose.yaml", STACK));
        Map<String, String> otherService = byFinding(Lint.report("compose.yaml", STACK.replace("db:", "pg:")));
        Map<String, String> otherText = byFinding(Lint.report("compose.yaml", STACK.replace("interval: 10s", "interval: 20s")));
        assertNotEquals(a.get("CF101 db"), otherFile.get("CF101 db"));
        assertNotEquals(a.get("CF101 db"), otherService.get("CF101 pg"));
        assertEquals(a.get("CF101 cache"), otherService.get("CF101 cache"));
        assertNotEquals(a.get("CF103 db"), otherText.get("CF103 db"));
        assertNotEquals(a.get("CF101 db"), a.get("CF102 db"), "the rule is part of the identity");
    }

    @Test
    void theSameFileNamedDifferentlyHasTheSameFingerprints() {
        String abs = Path.of("").toAbsolutePath().resolve("x/compose.yaml").toString();
        Report plain = Lint.report("x/compose.yaml", STACK);
        assertEquals(plain.fingerprints(), Lint.report("./x/compose.yaml", STACK).fingerprints());
        assertEquals(plain.fingerprints(), Lint.report("x/../x/compose.yaml", STACK).fingerprints());
        assertEquals(plain.fingerprints(), Lint.report(abs, STACK).fingerprints());
    }

    @Test
    void identicalFindingsAreToldApartByOrderAndStayUnique() {
        // Two services with the same name in two files would differ by file; within one file, the same
        // service, rule and text can occur twice (two depends_on entries naming the same text).
        String text = "services:\n  a:\n    image: x\n    mem_limit: 1g\n    cpus: 1\n"
                + "    command: sh -c \"docker rm -f x; docker rm -f x\"\n";
        Report r = Lint.report("compose.yaml", text);
        List<String> prints = r.fingerprints();
        assertEquals(2, r.findings().stream().filter(f -> f.code().equals("CF105")).count(), r.findings().toString());
        assertEquals(prints.size(), new HashSet<>(prints).size(), "unique within a report");
        assertTrue(prints.stream().allMatch(p -> p.matches("[0-9a-f]{32}")));
    }

    @Test
    void offendingTextIsMaskedBeforeHashing() {
        Report r = Lint.report("compose.yaml", STACK);
        Redaction masked = s -> s.replace("10s", "***");
        Report m = new Report(r.findings(), r.files(), r.sources(), r.checks(), masked);
        Map<String, String> plain = byFinding(r);
        Map<String, String> hidden = byFinding(m);
        assertNotEquals(plain.get("CF103 db"), hidden.get("CF103 db"));
        assertEquals(plain.get("CF101 db"), hidden.get("CF101 db"));
    }
}
