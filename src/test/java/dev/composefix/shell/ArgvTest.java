package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArgvTest {

    private static List<List<String>> argvs(List<ArgvCommand> commands) {
        return commands.stream().map(c -> c.command().argv()).collect(Collectors.toList());
    }

    @Test
    void plainArgvIsOneCommandWithPerElementOffsets() {
        List<ArgvCommand> commands = ShellScript.fromArgv(List.of("docker", "rm", "-f", "web"));
        assertEquals(1, commands.size());
        ArgvCommand c = commands.get(0);
        assertFalse(c.scripted());
        assertEquals(List.of("docker", "rm", "-f", "web"), c.command().argv());
        Word flag = c.command().words().get(2);
        assertEquals(2, c.elementOf(flag));
        assertEquals(0, flag.start());
        assertEquals(2, flag.end());
        assertEquals(0, c.command().start());
        assertEquals(3, c.command().end());
    }

    @Test
    void exactFormIsNotInterpretedByAShell() {
        ArgvCommand c = ShellScript.fromArgv(List.of("FOO=1", "echo", "$X", "&&", "'a b'")).get(0);
        assertEquals(List.of("FOO=1", "echo", "$X", "&&", "'a b'"), c.command().argv());
        assertFalse(c.command().words().get(2).hasExpansion());
    }

    @Test
    void shellScriptElementIsParsed() {
        List<ArgvCommand> commands = ShellScript.fromArgv(List.of("sh", "-c", "docker stop web && docker rm -f web"));
        assertEquals(List.of(List.of("sh", "-c", "docker stop web && docker rm -f web"),
                List.of("docker", "stop", "web"), List.of("docker", "rm", "-f", "web")), argvs(commands));
        ArgvCommand rm = commands.get(2);
        assertTrue(rm.scripted());
        assertEquals(2, rm.element());
        assertEquals(19, rm.command().start());
        assertEquals(35, rm.command().end());
        Word flag = rm.command().words().get(2);
        assertEquals(29, flag.start());
        assertEquals(2, rm.elementOf(flag));
    }

    @Test
    void combinedFlagsAndPrefixes() {
        for (List<String> argv : List.of(List.of("/bin/sh", "-ec", "docker kill x"),
                List.of("bash", "-x", "-c", "docker kill x"), List.of("/usr/bin/env", "bash", "-lc", "docker kill x"),
                List.of("dumb-init", "--", "sh", "-c", "docker kill x").subList(2, 5),
                List.of("sudo", "-E", "sh", "-c", "docker kill x"), List.of("zsh", "-o", "errexit", "-c", "docker kill x"))) {
            List<ArgvCommand> commands = ShellScript.fromArgv(argv);
            assertEquals(List.of("docker", "kill", "x"), commands.get(commands.size() - 1).command().argv(),
                    argv.toString());
            assertEquals(argv.size() - 1, commands.get(commands.size() - 1).element(), argv.toString());
        }
    }

    @Test
    void nestedShellInsideTheScriptMapsIntoTheElement() {
        String script = "sh -c 'docker rm -f web'";
        List<ArgvCommand> commands = ShellScript.fromArgv(List.of("bash", "-c", script));
        ArgvCommand inner = commands.get(commands.size() - 1);
        assertEquals(List.of("docker", "rm", "-f", "web"), inner.command().argv());
        assertEquals(2, inner.element());
        assertEquals(script.indexOf("docker"), inner.command().start());
        assertEquals(script.indexOf("-f"), inner.command().words().get(2).start());
    }

    @Test
    void optionsMayFollowDashC() {
        List<ArgvCommand> commands = ShellScript.fromArgv(List.of("bash", "-c", "-e", "docker kill x"));
        assertEquals(3, commands.get(1).element());
        assertEquals(List.of("docker", "kill", "x"), commands.get(1).command().argv());
    }

    @Test
    void notAShell() {
        assertEquals(1, ShellScript.fromArgv(List.of("sh", "script.sh", "-c", "docker kill x")).size());
        assertEquals(1, ShellScript.fromArgv(List.of("docker", "exec", "db", "sh", "-c", "kill 1")).size());
        assertEquals(1, ShellScript.fromArgv(List.of("sh", "-c")).size());
        assertEquals(1, ShellScript.fromArgv(List.of("docker rm -f x")).size());
    }

    @Test
    void emptyAndNulls() {
        assertEquals(List.of(), ShellScript.fromArgv(List.of()));
        assertEquals(List.of(), ShellScript.fromArgv(null));
        List<ArgvCommand> commands = ShellScript.fromArgv(Arrays.asList("sh", "-c", null));
        assertEquals(List.of("sh", "-c", ""), commands.get(0).command().argv());
        assertEquals(1, commands.size());
    }

    @Test
    void elementOfAForeignWord() {
        ArgvCommand c = ShellScript.fromArgv(List.of("a")).get(0);
        assertEquals(-1, c.elementOf(Word.verbatim("b", 0)));
        assertEquals(0, c.elementOf(Word.verbatim("a", 0)));
    }
}
