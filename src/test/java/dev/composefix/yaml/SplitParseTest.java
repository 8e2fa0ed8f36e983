package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.corpus.MutationFuzzTest;
import dev.composefix.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A text parsed in pieces ({@link SplitParse}) gives exactly what parsing it whole gives: every node's
 * kind, value, style, span, anchor, tag and weight, every alias's target, every comment; or the pieces
 * give nothing and the loader parses the whole text. Small texts are cut here into pieces of any size,
 * so every corpus file and thousands of broken ones exercise the cutting.
 */
class SplitParseTest {

    private static final YamlLoader LOADER = new YamlLoader();
    private static final AtomicInteger MUTANTS_CUT = new AtomicInteger();
    private static final AtomicInteger MUTANTS_WHOLE = new AtomicInteger();
    private static final int MUTANTS = 1000;

    /** The tree and comments of a document as text, every position in full. */
    static String dump(YamlDocument doc) {
        StringBuilder b = new StringBuilder();
        node(b, doc.root(), 0);
        for (YComment c : doc.comments()) {
            b.append("# ").append(c.text()).append(' ').append(span(c.span())).append(c.ownLine() ? " own" : "")
                    .append('\n');
        }
        return b.toString();
    }

    private static void node(StringBuilder b, YNode n, int depth) {
        b.append("  ".repeat(depth));
        if (n == null) {
            b.append("(none)\n");
            return;
        }
        b.append(n.getClass().getSimpleName()).append(' ').append(span(n.span())).append(" &").append(n.anchor())
                .append(" !").append(n.tag()).append(" w").append(n.weight());
        if (n instanceof YScalar s) {
            b.append(' ').append(s.style()).append(' ').append(s.kind()).append(" '").append(s.value()).append("'\n");
        } else if (n instanceof YAlias a) {
            b.append(" *").append(a.name()).append(" -> ").append(span(a.target().span())).append('\n');
        } else if (n instanceof YMapping m) {
            b.append(m.flow() ? " flow\n" : "\n");
            for (YEntry e : m.entries()) {
                node(b, e.key(), depth + 1);
                node(b, e.value(), depth + 2);
            }
        } else if (n instanceof YSequence q) {
            b.append(q.flow() ? " flow\n" : "\n");
            for (YNode item : q.items()) {
                node(b, item, depth + 1);
            }
        }
    }

    private static String span(Span s) {
        return pos(s.start()) + "-" + pos(s.end());
    }

    private static String pos(Position p) {
        return p.line() + ":" + p.column() + "@" + p.offset() + (p.source() == null ? "" : "[" + p.source() + "]");
    }

    /** The text cut into as many pieces as it has entries (up to 64), however small. */
    private static YamlDocument cut(String text) {
        return SplitParse.parse(LOADER, text, false, new LineMap(text), 64, 1, 1000);
    }

    private static YamlDocument whole(String text) throws YamlException {
        return LOADER.whole(text, false, new LineMap(text));
    }

    private static List<Path> inputs;

    /** The fuzzer's inputs (the corpus and the fixtures), listed once. */
    private static synchronized List<Path> inputs() throws IOException {
        if (inputs == null) {
            inputs = MutationFuzzTest.inputs();
        }
        return inputs;
    }

    static Stream<Path> corpus() throws IOException {
        return inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusFileCutGivesTheWholeParse(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        YamlDocument pieces = cut(text);
        if (pieces == null) {
            return; // not cut (no region, or a piece failed): the loader parses it whole
        }
        YamlDocument whole;
        try {
            whole = whole(text);
        } catch (YamlException e) {
            throw new AssertionError(file + ": parsed in pieces, but whole it fails: " + e.getMessage());
        }
        assertEquals(dump(whole), dump(pieces), file.toString());
    }

    @Test
    void mostCorpusFilesAreCut() throws IOException {
        // Guards the test above against passing because nothing is ever cut.
        List<Path> files = inputs();
        long cutFiles = files.stream().filter(f -> {
            try {
                return cut(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)) != null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        assertTrue(cutFiles * 2 > files.size(), cutFiles + " of " + files.size() + " files were cut");
    }

    static Stream<Long> seeds() {
        return Seeds.of(4242, MUTANTS);
    }

    /**
     * Broken corpus files: whatever is cut gives the whole parse, and nothing that fails whole is ever
     * accepted in pieces.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void brokenFilesCutGiveTheWholeParseOrNothing(long seed) throws IOException {
        List<Path> files = inputs();
        Random r = new Random(seed);
        Path file = files.get(r.nextInt(files.size()));
        StringBuilder log = new StringBuilder();
        byte[] bytes = MutationFuzzTest.mutate(Files.readAllBytes(file), r, log);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!loaderWouldParse(text)) {
            return; // refused before parsing (control characters, line endings YAML readers disagree on)
        }
        YamlDocument pieces = cut(text);
        String what = file + " " + log + " " + Seeds.replay(seed);
        YamlDocument whole;
        try {
            whole = whole(text);
        } catch (YamlException | RuntimeException e) {
            assertNull(pieces, "parsed in pieces, but whole it fails (" + e.getMessage() + "): " + what);
            return;
        }
        MUTANTS_WHOLE.incrementAndGet();
        if (pieces != null) {
            MUTANTS_CUT.incrementAndGet();
            assertEquals(dump(whole), dump(pieces), what);
        }
    }

    @AfterAll
    static void mutantsWereCut() {
        // Guards the property against passing because nothing is cut (about 40% of the broken files that parse are).
        if (System.getProperty("composefix.seed") == null && MUTANTS_WHOLE.get() > 0) {
            assertTrue(MUTANTS_CUT.get() * 4 > MUTANTS_WHOLE.get(),
                    MUTANTS_CUT.get() + " of " + MUTANTS_WHOLE.get() + " broken files that parse were cut");
        }
    }

    /** What the loader checks before it parses: a text failing these never reaches the parser. */
    private static boolean loaderWouldParse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                return false;
            }
        }
        return true;
    }

    /** A generated stack of {@code n} services, of every shape the cutting must get right. */
    static String stack(int n, String eol, boolean anchors) {
        StringBuilder b = new StringBuilder();
        b.append("# a generated stack").append(eol);
        b.append("x-common: &common").append(eol).append("  restart: unless-stopped").append(eol);
        b.append("name: big # the project").append(eol).append("services: # all of them").append(eol);
        b.append("  # the first service comes next").append(eol);
        for (int i = 0; i < n; i++) {
            b.append("  svc").append(i).append(":").append(eol);
            b.append("    image: example/app-").append(i % 7).append(":1.0").append(eol);
            switch (i % 9) {
                case 0 -> b.append("    command: |").append(eol).append("      echo start ").append(i).append(eol)
                        .append(eol).append("      exec app").append(eol);
                case 1 -> b.append("    environment:").append(eol).append("      TEXT: \"a quoted value").append(eol)
                        .append("        over two lines\"").append(eol);
                case 2 -> b.append("    ports: [\"").append(10000 + i).append(":80\",").append(eol)
                        .append("      \"").append(20000 + i).append(":81\"]").append(eol);
                case 3 -> b.append("# a comment at the left edge").append(eol).append("    labels:").append(eol)
                        .append("      - a=b # trailing").append(eol);
                case 4 -> b.append("    healthcheck: &hc").append(i).append(eol).append("      test: [\"CMD\", \"true\"]")
                        .append(eol).append("      interval: 10s").append(eol);
                case 5 -> b.append("    environment:").append(eol).append("      GREETING: grüße ✓ \uD83D\uDE80 end")
                        .append(eol);
                case 6 -> b.append("    depends_on:").append(eol).append("    - svc").append(i - 1).append(eol);
                case 7 -> b.append("    entrypoint: a plain").append(eol).append("      scalar over lines").append(eol);
                default -> b.append("    mem_limit: 256m").append(eol).append(eol).append(eol);
            }
            if (anchors && i % 50 == 10) {
                b.append("    <<: *common").append(eol);
            }
        }
        b.append("volumes:").append(eol).append("  data: {}").append(eol).append("# the end").append(eol);
        return b.toString();
    }

    @Test
    void aLargeStackIsCutAndGivesTheWholeParse() throws YamlException {
        for (String eol : List.of("\n", "\r\n")) {
            String text = stack(3000, eol, false);
            assertTrue(text.length() >= SplitParse.FROM, "large enough to be cut: " + text.length());
            YamlDocument pieces = SplitParse.parse(LOADER, text, false, new LineMap(text), 4, 1, 2);
            assertNotNull(pieces, "cut");
            assertEquals(dump(whole(text)), dump(pieces));
            // And what the loader gives, cut or not (on one core it is not), is the whole parse.
            assertEquals(dump(whole(text)), dump(LOADER.load(text)));
        }
    }

    @Test
    void anAliasToAnAnchorOutsideThePiecesIsNotCut() throws YamlException {
        String text = stack(3000, "\n", true);
        assertNull(SplitParse.parse(LOADER, text, false, new LineMap(text), 4, 1, 2));
        assertEquals(dump(whole(text)), dump(LOADER.load(text)));
    }

    @Test
    void anAliasAfterTheRegionToAnAnchorInItIsNotCut() throws YamlException {
        // x-late's alias names an anchor that a piece defines: the rest of the file, parsed without the
        // pieces, cannot see it (and whether another anchor of that name came first, only the whole knows).
        String text = stack(200, "\n", false) + "x-late: *hc4\n";
        YamlDocument whole = whole(text);
        YamlDocument pieces = cut(text);
        assertNull(pieces);
        assertNotNull(whole);
    }

    @Test
    void aKeyTwiceInDifferentPiecesIsNotCut() throws YamlException {
        String text = "services:\n  a:\n    image: x\n  b:\n    image: y\n  a:\n    image: z\n";
        assertNull(cut(text));
    }

    @Test
    void aQuotedScalarRunningOverACutIsNotCut() throws YamlException {
        // SnakeYAML reads a double-quoted scalar over lines whatever their indentation: a line inside it
        // that looks like an entry must not become a cut that parses.
        String text = "services:\n  a:\n    image: \"x\n  b: y\"\n  c:\n    image: z\n";
        YamlDocument whole = whole(text);
        YamlDocument pieces = cut(text);
        if (pieces != null) {
            assertEquals(dump(whole), dump(pieces));
        }
        assertEquals(2, ((YMapping) ((YMapping) whole.root()).value("services")).entries().size());
    }

    @Test
    void aKeyLineInsideAQuotedTopLevelScalarIsNotCut() throws YamlException {
        String text = "x: \"abc\nservices:\n  a: b\n  c: d\n\"\n";
        YamlDocument whole = whole(text);
        assertNull(cut(text));
        assertEquals(1, ((YMapping) whole.root()).entries().size());
    }

    @Test
    void documentMarkersAreNeverCut() {
        assertNull(cut("---\nservices:\n  a: b\n  c: d\n"));
        assertNull(cut("%YAML 1.2\n---\nservices:\n  a: b\n  c: d\n"));
    }
}
