package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The line and column a span gives without making a position, against the positions a span made
 * from positions has. Seeded texts with CRLF, tabs and characters outside the
 * BMP (whose columns count code points, not chars).
 */
class SpanTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lineAndColumnAgreeWithPositions(long seed) {
        Random r = new Random(seed);
        String[] pieces = {"a", "key: value", "\n", "\r\n", "\t", "  ", "\uD83D\uDE00", "é", "#", "- "};
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        String text = b.toString();
        LineMap lines = new LineMap(text);
        for (int k = 0; k < 20; k++) {
            int[] o = new int[2];
            for (int i = 0; i < 2; i++) {
                o[i] = boundary(text, r.nextInt(text.length() + 1));
            }
            java.util.Arrays.sort(o);
            Span first = Span.of(lines, o[0], o[1]);
            Span eager = new Span(lines.at(o[0]), lines.at(o[1]));
            assertEquals(eager.start().line(), first.startLine(), text);
            assertEquals(eager.start().column(), first.startColumn(), text);
            assertEquals(eager.start().line(), eager.startLine(), text);
            assertEquals(eager.start().column(), eager.startColumn(), text);
            // Once positioned, the span answers from its position.
            first.start();
            assertEquals(eager.start().column(), first.startColumn(), text);
        }
    }

    /** {@code i}, moved off the second half of a surrogate pair (an offset a parser never gives). */
    private static int boundary(String text, int i) {
        return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
    }
}
