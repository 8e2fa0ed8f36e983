package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The loader keeps only char offsets for its nodes and asks the line map for lines and columns
 * ({@link Span}). That is right only if, for every text the loader accepts, the line and column
 * SnakeYAML Engine gives a mark are those the line map gives the mark's offset: checked here for every
 * event mark of the corpus and of generated texts with CRLF line ends, tabs, characters beyond ASCII
 * and beyond the BMP, and comments. Texts the loader refuses (lone carriage returns, NEL and the
 * Unicode line separators) are left out, as they never reach a tree.
 */
class MarkPositionTest {

    /** Every event mark of {@code text} against the line map; the number of marks compared. */
    private static int compare(String text) {
        LineMap lines = new LineMap(text);
        LoadSettings settings = LoadSettings.builder().setParseComments(true).setUseMarks(true).build();
        int compared = 0;
        try {
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
            while (parser.hasNext()) {
                Event e = parser.next();
                for (Optional<Mark> mark : List.of(e.getStartMark(), e.getEndMark())) {
                    if (mark.isPresent()) {
                        Mark m = mark.get();
                        Position p = lines.at(lines.charOffset(m.getIndex()));
                        assertEquals(m.getLine() + 1, p.line(), () -> "line of mark " + m.getIndex() + " of "
                                + Printable.of(text));
                        assertEquals(m.getColumn() + 1, p.column(), () -> "column of mark " + m.getIndex() + " of "
                                + Printable.of(text));
                        // The same line and column without a position, and from a span not yet positioned.
                        int offset = lines.charOffset(m.getIndex());
                        assertEquals(p.line(), lines.lineOf(offset));
                        assertEquals(p.column(), lines.columnOf(offset));
                        Span span = Span.of(lines, offset, offset);
                        assertEquals(p.line(), span.startLine());
                        assertEquals(p.column(), span.startColumn());
                        compared++;
                    }
                }
            }
        } catch (YamlEngineException e) {
            // Not YAML: the marks up to the error were compared, and the loader reports the error itself.
        }
        return compared;
    }

    @Test
    void corpusMarksHaveTheLineMapsPositions() throws IOException {
        Path corpus = SharedData.corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the corpus has its files: " + files.size());
        long marks = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // the loader takes a byte-order mark off before parsing
            }
            if (accepted(text)) {
                marks += compare(text);
            }
        }
        assertTrue(marks > 10_000, "marks compared: " + marks);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void generatedMarksHaveTheLineMapsPositions(long seed) {
        Random r = new Random(seed);
        String[] pieces = {"a", "key", ": ", "- ", "\n", "\r\n", "  ", "\t", "# c\u00e9 \ud83d\ude00\n", "\"q\u4e2d\"",
            "'s''t'", "{x: 1, y: [2, 3]}", "|\n  block\n  \ud83d\ude00\n", ">-\n  folded\r\n  more\n", "\u00e9t\u00e9",
            "\ud83d\ude00", "&a ", "*a", "? ", "---\n", "...\n", "x\u00a0y", "[", "]", ",", "\\"};
        int compared = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(40); n > 0; n--) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = b.toString();
            if (accepted(text)) {
                compared += compare(text);
            }
        }
        assertTrue(compared > 1_000, "marks compared: " + compared);
    }

    /** Whether the loader gets past its character checks with {@code text} (see YamlLoader). */
    private static boolean accepted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                return false;
            }
        }
        return true;
    }

    /** A text shown with its line ends and non-ASCII characters escaped, for a failure's message. */
    private static final class Printable {
        static String of(String text) {
            List<String> out = new ArrayList<>();
            text.codePoints().forEach(c -> out.add(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : c < 0x80 ? String.valueOf((char) c) : String.format("\\u{%X}", c)));
            return "\"" + String.join("", out) + "\"";
        }
    }
}
