package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loops and comments as the parser reports them, and the restart-in-loop hazard on top of them. */
class ParsedScriptTest {

    private static SimpleCommand command(ParsedScript p, String first, String second) {
        return p.commands().stream().filter(c -> c.argv().size() > 1 && c.argv().get(0).equals(first)
                && c.argv().get(1).equals(second)).findFirst().orElseThrow();
    }

    @Test
    void loopsKnowTheirBodyVariableAndBound() {
        String s = "while true; do\n  docker restart a\ndone\nfor c in x y; do docker restart \"$c\"; done\n"
                + "docker restart b\nuntil [ \"$n\" -ge 3 ]; do sleep 1; done\n"
                + "cat list | while read -r name; do echo \"$name\"; done\nfor ((;;)); do :; done\n";
        ParsedScript p = ShellScript.parseScript(s);
        assertEquals(5, p.loops().size(), p.loops().toString());
        ShellLoop whileTrue = p.loops().get(0);
        assertEquals("while", whileTrue.keyword());
        assertEquals(0, whileTrue.start());
        assertEquals(s.indexOf("done") + 4, whileTrue.end());
        assertFalse(whileTrue.bounded());
        assertEquals(Optional.of(whileTrue), p.innermostLoop(command(p, "docker", "restart")));
        ShellLoop forList = p.loops().get(1);
        assertEquals("c", forList.variable());
        assertTrue(forList.bounded());
        SimpleCommand outside = p.commands().stream().filter(c -> c.argv().equals(List.of("docker", "restart", "b")))
                .findFirst().orElseThrow();
        assertEquals(Optional.empty(), p.innermostLoop(outside));
        assertTrue(p.loops().get(2).bounded(), "numeric test in the condition");
        assertEquals("name", p.loops().get(3).variable());
        assertTrue(p.loops().get(3).bounded(), "while read");
        assertFalse(p.loops().get(4).bounded(), "for ((;;))");
    }

    @Test
    void loopsInsideSubstitutionsAndShDashCAreMappedToTheOuterText() {
        String s = "x=$(while true; do docker restart a; done)\nsh -c 'until false; do docker restart b; done'\n";
        ParsedScript p = ShellScript.parseScript(s);
        assertEquals(2, p.loops().size(), p.loops().toString());
        assertEquals(s.indexOf("while"), p.loops().get(0).start());
        assertEquals(s.indexOf("until"), p.loops().get(1).start());
        RestartInLoop hazard = new RestartInLoop();
        long found = p.commands().stream().map(DockerCommand::parse).flatMap(Optional::stream)
                .map(c -> hazard.find(c, p)).flatMap(Optional::stream).count();
        assertEquals(2, found);
    }

    @Test
    void commentsAreReportedWhereTheyStartButNotInsideWordsOrHereDocuments() {
        String s = "echo a#b '# not' \"# not\" # yes\ncat <<EOF\n# not either\nEOF\n  # also\n";
        ParsedScript p = ShellScript.parseScript(s);
        assertEquals(2, p.comments().size());
        assertEquals(s.indexOf("# yes"), p.comments().get(0)[0]);
        assertEquals(s.indexOf("\ncat"), p.comments().get(0)[1]);
        assertEquals(s.indexOf("# also"), p.comments().get(1)[0]);
    }

    @Test
    void referencesMatchWholeVariableNames() {
        assertTrue(RestartInLoop.references("$c", "c"));
        assertTrue(RestartInLoop.references("pre-${c}-post", "c"));
        assertTrue(RestartInLoop.references("${c:-x}", "c"));
        assertFalse(RestartInLoop.references("$container", "c"));
        assertFalse(RestartInLoop.references("${cx}", "c"));
        assertFalse(RestartInLoop.references("c", "c"));
    }
}
