package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void linesAndColumnsAreOneBased() {
        LineMap map = new LineMap("ab\ncd\n\nef");
        assertEquals(new TextPosition(1, 1), map.position(0));
        assertEquals(new TextPosition(1, 3), map.position(2));
        assertEquals(new TextPosition(2, 1), map.position(3));
        assertEquals(new TextPosition(3, 1), map.position(6));
        assertEquals(new TextPosition(4, 2), map.position(8));
        assertEquals(new TextPosition(4, 3), map.position(9));
    }

    @Test
    void columnsCountCodePoints() {
        String text = "x\n\uD83D\uDE00 docker";
        assertEquals(new TextPosition(2, 2), ShellScript.lineOf(text, text.indexOf("docker") - 1));
        assertEquals(new TextPosition(2, 3), ShellScript.lineOf(text, text.indexOf("docker")));
    }

    @Test
    void offsetsOutsideAreClamped() {
        LineMap map = new LineMap("a\nb");
        assertEquals(new TextPosition(1, 1), map.position(-5));
        assertEquals(new TextPosition(2, 2), map.position(99));
        assertEquals(new TextPosition(1, 1), new LineMap(null).position(3));
    }

    @Test
    void commandOnAContinuedLineReportsItsFirstLine() {
        String script = "#!/bin/sh\nset -e\ndocker rm \\\n  -f web\n";
        SimpleCommand rm = ShellScript.parse(script).get(1);
        assertEquals(new TextPosition(3, 1), ShellScript.lineOf(script, rm.start()));
        assertEquals(new TextPosition(4, 3), ShellScript.lineOf(script, rm.words().get(2).start()));
    }
}
