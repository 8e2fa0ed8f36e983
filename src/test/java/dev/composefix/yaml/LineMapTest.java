package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void offsetsBecomeLinesAndCodePointColumns() {
        LineMap map = new LineMap("ab\ncd\n\nef");
        assertEquals("1:1", map.at(0).toString());
        assertEquals("1:3", map.at(2).toString(), "a newline belongs to the line it ends");
        assertEquals("2:1", map.at(3).toString());
        assertEquals("3:1", map.at(6).toString());
        assertEquals("4:2", map.at(8).toString());
        assertEquals("4:3", map.at(9).toString());
    }

    @Test
    void clampsOutOfRangeOffsets() {
        LineMap map = new LineMap("a\nb");
        assertEquals(new Position(1, 1, 0), map.at(-5));
        assertEquals(new Position(2, 2, 3), map.at(99));
    }

    @Test
    void supplementaryCharactersCountOnceInColumns() {
        String text = "x: \uD83D\uDE00y\nz";
        LineMap map = new LineMap(text);
        assertEquals(new Position(1, 5, 5), map.at(5)); // after the emoji: 2 chars, 1 column
        assertEquals(5, map.charOffset(4));
        assertEquals(new Position(1, 5, 5), map.at(1, 5));
    }

    @Test
    void linesWithoutTheirBreaks() {
        LineMap map = new LineMap("a: 1\r\nb: 2\n\nlast");
        assertEquals(4, map.lineCount());
        assertEquals("a: 1", map.line(1));
        assertEquals("b: 2", map.line(2));
        assertEquals("", map.line(3));
        assertEquals("last", map.line(4));
    }
}
