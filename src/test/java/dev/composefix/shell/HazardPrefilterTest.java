package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A shell text {@link HazardSearch#mayRunContainerTool} turns away (and the Docker-hazard rules then do not
 * parse) is one in which parsing finds no hazard of any kind: on seeded texts made of container-tool names in
 * several spellings and pieces of them, wrappers, loops and shell punctuation.
 */
class HazardPrefilterTest {

    private static final String[] PIECES = {
        "docker", "DOCKER", "Docker", "/usr/bin/docker", "docker.exe", "docker-compose", "podman", "podman-remote",
        "podman-compose", "nerdctl", "NerdCtl", "doc", "ker", "do", "cker", "pod", "man", "nerd", "ctl", "dock",
        "er", " ", " ", " ", "\n", ";", "&&", "||", "|", "&", "rm", "-f", "--force", "kill", "restart", "stop",
        "volume", "prune", "system", "-a", "-v", "down", "--volumes", "sudo ", "xargs ", "env ", "FOO=bar ",
        "sh -c ", "exec ", "nohup ", "while true; do ", "for i in 1 2; do ", "until false; do ", "done", "sleep 5",
        "x", "compose", "container", "(", ")", "{", "}", "#", "\t", "=", "K",
    };

    private static final List<DockerHazard> HAZARDS = List.of(new ForcedRemoval(), new VolumeDeletion(),
            new RestartInLoop());

    @Test
    void aTextTurnedAwayHasNoHazard() {
        Random random = new Random(20261124L);
        int turnedAway = 0;
        int withHazard = 0;
        for (int round = 0; round < 30_000; round++) {
            String text = round % 2 == 0 ? pieces(random) : commands(random);
            ParsedScript parsed = ShellScript.parseScript(text);
            boolean found = false;
            for (DockerHazard hazard : HAZARDS) {
                found |= !HazardSearch.inScript(parsed, hazard).isEmpty();
            }
            if (!HazardSearch.mayRunContainerTool(text)) {
                turnedAway++;
                assertFalse(found, "a hazard in a text turned away: " + text);
                for (DockerHazard hazard : HAZARDS) {
                    assertTrue(HazardSearch.inScript(text, hazard).isEmpty(), text);
                }
            }
            if (found) {
                withHazard++;
            }
        }
        // The texts reach both sides: many are turned away, and many hold a hazard.
        assertTrue(turnedAway > 3_000, "texts turned away: " + turnedAway);
        assertTrue(withHazard > 1_000, "texts with a hazard: " + withHazard);
    }

    /** Pieces in any order. */
    private static String pieces(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(24); n > 0; n--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) == 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    private static final String[] TOOLS = {"docker", "DOCKER", "/usr/bin/docker", "docker.exe", "podman", "Podman",
        "podman-remote", "nerdctl", "dock er", "doc", "npm", "rm", "kubectl"};
    private static final String[] VERBS = {"rm -f app", "rm --force app db", "kill app", "kill -s KILL app",
        "volume rm data", "volume prune -f", "system prune -a --volumes", "compose down -v", "restart app",
        "ps", "run --rm alpine", "start app", "container rm -f app"};
    private static final String[] WRAPPERS = {"", "", "sudo ", "xargs ", "env FOO=1 ", "nohup ", "exec ", "time "};
    private static final String[] JOINS = {"; ", " && ", " || ", "\n", " | ", " & "};

    /** Commands, some of them container tools' and some in loops, joined as a script joins them. */
    private static String commands(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            String command = WRAPPERS[random.nextInt(WRAPPERS.length)] + TOOLS[random.nextInt(TOOLS.length)] + " "
                    + VERBS[random.nextInt(VERBS.length)];
            if (random.nextInt(4) == 0) {
                command = "while true; do " + command + "; sleep 5; done";
            }
            b.append(command);
            if (n > 1) {
                b.append(JOINS[random.nextInt(JOINS.length)]);
            }
        }
        return b.toString();
    }

    @Test
    void quotesEscapesExpansionsAndWideCharactersAreLookedInto() {
        for (String text : List.of("d\"ock\"er rm -f x", "'docker' rm -f x", "d\\ocker rm -f x", "$D rm -f x",
                "`which docker` rm -f x", "doc\u212Aer rm -f x", "dOcKeR rm -f x", "x; nerdctl rm -f y",
                "podman-remote kill z")) {
            assertTrue(HazardSearch.mayRunContainerTool(text), text);
        }
        for (String text : List.of("", "npm start", "sh -c echo hi", "rm -f /tmp/x", "dock er rm -f x")) {
            assertFalse(HazardSearch.mayRunContainerTool(text), text);
        }
    }
}
