package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.yaml.LineMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The text report of many findings, rendered in blocks on several threads, is the text of rendering each
 * finding in turn: on seeded files where several findings in turn quote one line, of files with and without
 * secret values of their own (each its redaction), with tabs, long lines and secrets in the quoted lines.
 */
class TextBlocksTest {

    private static final String[] LINES = {"  web:", "    image: nginx", "\tPASSWORD: hunter2secret", "  db:",
        "    command: run --token=abcd1234efgh", "    url: postgres://app:s3cr3tpw@db/x", "    x: " + "y".repeat(400),
        "    note: caf\u00e9 \u20ac", "    v: hunter2secret again"};

    @Test
    void blocksOnSeveralThreadsWriteWhatOneThreadWrites() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            Map<String, LineMap> sources = new HashMap<>();
            Map<String, Redaction> byFile = new HashMap<>();
            List<Finding> findings = new ArrayList<>();
            Redaction withValues = SecretRedaction.ofValues(Set.of("hunter2secret", "s3cr3tpw"));
            for (int file = 0; file < 60; file++) {
                String name = "f" + file + ".yml";
                StringBuilder text = new StringBuilder();
                int lineCount = 5 + random.nextInt(40);
                for (int l = 0; l < lineCount; l++) {
                    text.append(LINES[random.nextInt(LINES.length)]).append('\n');
                }
                LineMap lines = new LineMap(text.toString(), name);
                sources.put(name, lines);
                if (random.nextBoolean()) {
                    byFile.put(name, withValues);
                }
                int line = 1;
                while (line <= lineCount) {
                    int column = 1 + random.nextInt(Math.max(1, lines.line(line).length()));
                    Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
                    findings.add(new Finding("CF000", "some-rule", severity, name, lines.at(line, column),
                            lines.at(line, column + random.nextInt(5)), null,
                            "message " + random.nextInt(100) + (random.nextInt(5) == 0 ? " PASSWORD=hunter2secret" : ""),
                            null));
                    line += random.nextInt(3) == 0 ? 1 : 0; // often several findings on one line
                }
            }
            Report report = new Report(findings, sources.size(), sources, Map.of(), SecretRedaction.generic(), byFile);
            TextReporter reporter = new TextReporter(seed % 2 == 0);
            StringBuilder blocks = new StringBuilder();
            reporter.render(report, blocks);
            StringBuilder plain = new StringBuilder();
            for (Finding f : report.findings()) {
                reporter.finding(plain, report, f);
            }
            reporter.closing(plain, report);
            assertEquals(true, findings.size() >= 4_000, "too few findings for blocks: " + findings.size());
            assertEquals(plain.toString(), blocks.toString(), "seed " + seed);
        }
    }
}
