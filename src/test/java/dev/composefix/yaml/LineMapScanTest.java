package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line map read from a text's bytes answers as reading it char by char does: lines, the first unusual
 * character, and code-point offsets, with real '?'s beside characters the bytes cannot hold, lone and
 * paired surrogates, carriage returns, NULs and characters from U+0085 up; and a column, which
 * {@link LineMap#columnOf} finds by looking back for the line's start, is the one its position has.
 */
class LineMapScanTest {

    @Test
    void bytesAnswerAsCharsDo() {
        Random r = new Random(11);
        String alphabet = "ab ?\n\n\r\0\u0085\u00e9\u00ff\u0100\u2028\u4e2d\ud83d\ude00\ud800\udc00x";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(30); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = b.toString();
            LineMap map = new LineMap(text);
            List<Integer> starts = new ArrayList<>(List.of(0));
            int unusual = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    starts.add(i + 1);
                } else if ((c == 0 || c == '\r' || c >= '\u0085') && unusual < 0) {
                    unusual = i;
                }
            }
            assertEquals(starts.size(), map.lineCount(), text);
            for (int l = 0; l < starts.size(); l++) {
                assertEquals(starts.get(l), map.lineStart(l + 1), text);
            }
            assertEquals(unusual, map.firstUnusual(), text);
            int cp = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                assertEquals(i, map.charOffset(cp++), text);
            }
            assertEquals(text.length(), map.charOffset(cp), text);
        }
    }

    @Test
    void columnsAreThoseOfPositions() {
        Random r = new Random(12);
        // Lines from empty to well past columnOf's look-back, with and without surrogate pairs.
        String[] alphabets = {"ab \n", "ab \r\n\n", "ab\u00e9\u4e2d \n", "ab \ud83d\ude00\n"};
        for (int round = 0; round < 4_000; round++) {
            String alphabet = alphabets[round % alphabets.length];
            StringBuilder b = new StringBuilder();
            int newlineOdds = 1 + r.nextInt(120); // one char in this many is drawn from the whole alphabet
            for (int n = r.nextInt(400); n > 0; n--) {
                b.append(r.nextInt(newlineOdds) == 0 ? alphabet.charAt(r.nextInt(alphabet.length()))
                        : alphabet.charAt(r.nextInt(2)));
            }
            String text = b.toString();
            LineMap map = new LineMap(text);
            for (int offset = -1; offset <= text.length() + 1; offset++) {
                assertEquals(map.at(offset).column(), map.columnOf(offset), text + " @" + offset);
                assertEquals(map.at(offset).line(), map.lineOf(offset), text + " @" + offset);
            }
        }
    }
}