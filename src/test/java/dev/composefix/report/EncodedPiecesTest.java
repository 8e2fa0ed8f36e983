package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.testing.BytesOutput;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A report written in pieces (JSON formats, and the text and github formats below the size that renders on
 * several threads) to an {@link EncodedOutput} (its pieces handed on as bytes) puts out the bytes its text
 * encodes to, and to any other output the text itself, whatever the charset: over many pieces, with
 * text past Latin-1 in some of them only (after which the writer starts a new builder), characters the
 * charset cannot write and lone surrogates.
 */
class EncodedPiecesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "US-ASCII", "ISO-8859-1"})
    void bytesAreTheTextEncoded(String name) throws IOException {
        Charset charset = Charset.forName(name);
        StringBuilder file = new StringBuilder();
        List<Finding> findings = new ArrayList<>();
        String[] samples = {"plain", "caf\u00e9", "\u20ac 5", "emoji \ud83d\ude00", "lone \ud800 high", "tab\there",
            "quote \" and \\", "plain again", "more", "still plain"};
        for (int i = 0; i < 3_000; i++) {
            file.append("  key").append(i).append(": ").append(samples[i / 300 % samples.length]).append('\n');
        }
        LineMap lines = new LineMap(file.toString(), "f.yml");
        for (int i = 0; i < 3_000; i++) {
            Position at = lines.at(i + 1, 3);
            findings.add(new Finding("CF000", "some-rule", Severity.WARNING, "f.yml", at, lines.at(i + 1, 6), null,
                    "message " + samples[i / 250 % samples.length], null));
        }
        Report report = new Report(findings, 1, Map.of("f.yml", lines), Map.of(), SecretRedaction.generic());
        for (Reporter reporter : List.of(new JsonReporter(), new RdjsonReporter(), new GithubReporter(),
                new TextReporter(false), new TextReporter(true))) {
            String text = reporter.render(report);
            StringBuilder appended = new StringBuilder();
            reporter.render(report, appended);
            assertEquals(text, appended.toString());
            BytesOutput bytes = new BytesOutput(charset);
            reporter.render(report, bytes);
            assertArrayEquals(text.getBytes(charset), bytes.toByteArray(), reporter.getClass().getSimpleName());
        }
    }
}
