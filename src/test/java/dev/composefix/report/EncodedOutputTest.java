package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.testing.BytesOutput;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A report of many findings written to an {@link EncodedOutput} (encoded on the render threads) puts out
 * the bytes its text encodes to, whatever the charset: non-ASCII text, characters the charset cannot
 * write and lone surrogates included.
 */
class EncodedOutputTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "US-ASCII", "ISO-8859-1"})
    void bytesAreTheTextEncoded(String name) throws IOException {
        Charset charset = Charset.forName(name);
        StringBuilder file = new StringBuilder();
        List<Finding> findings = new ArrayList<>();
        String[] samples = {"plain", "caf\u00e9", "\u20ac 5", "emoji \ud83d\ude00", "lone \ud800 high", "tab\there"};
        for (int i = 0; i < 6_000; i++) {
            file.append("  key").append(i).append(": ").append(samples[i % samples.length]).append('\n');
        }
        LineMap lines = new LineMap(file.toString(), "f.yml");
        for (int i = 0; i < 6_000; i++) {
            Position at = lines.at(i + 1, 3);
            findings.add(new Finding("CF000", "some-rule", Severity.WARNING, "f.yml", at, lines.at(i + 1, 6), null,
                    "message " + samples[(i + 1) % samples.length], null));
        }
        Report report = new Report(findings, 1, Map.of("f.yml", lines), Map.of(), SecretRedaction.generic());
        TextReporter reporter = new TextReporter(false);
        String text = reporter.render(report);

        BytesOutput bytes = new BytesOutput(charset);
        reporter.render(report, bytes);
        assertArrayEquals(text.getBytes(charset), bytes.toByteArray());
        // and the text itself is what the one-thread renderer writes
        StringBuilder plain = new StringBuilder();
        for (Finding f : report.findings()) {
            reporter.finding(plain, report, f);
        }
        reporter.closing(plain, report);
        assertArrayEquals(plain.toString().getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
    }
}
