package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random tests. Each case is one seed; a failure message names it, and
 * {@code mvn test -Dtest='dev.composefix.shell.ShellScriptPropertyTest' -Dshell.seed=N} replays only that seed.
 */
class ShellScriptPropertyTest {
    private static final String[] TOKENS = {
        "'", "\"", "$", "(", ")", "\\", "#", "\n", ";", "&", "|", "`", "{", "}", "<", ">", "=", "-", "!", "*",
        " ", " ", " ", "\t", "\r\n", "a", "b", "x", "1", "é", "\uD83D\uDE00",
        "docker", "docker ", " docker rm -f x", " docker kill ", "-s", "KILL", "sh -c ", "bash -ec '", "eval ",
        "$(", "${", "$((", "))", "$'", "$\"", "\\\n", "<<", "<<-", "EOF", "\nEOF\n", "2>&1", ";;", "&&", "||",
        "if ", "then ", "fi", "while ", "do ", "done", "for ", " in ", "case ", "esac", "function ", "()", "[[",
        "]]", "sudo ", "xargs ", "FOO=", "\\x41", "\\U1F600",
    };
    private static final char[] WORD_CHARS = "ab -\"'$`\\\n;|&()<>#{}*?~!=é".toCharArray();

    static LongStream seeds(int count) {
        String replay = System.getProperty("shell.seed");
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.trim()));
        }
        return LongStream.range(0, count);
    }

    static LongStream scriptSeeds() {
        return seeds(4000);
    }

    static LongStream quotingSeeds() {
        return seeds(1000);
    }

    static String randomScript(Random random) {
        StringBuilder sb = new StringBuilder();
        int tokens = random.nextInt(60);
        for (int i = 0; i < tokens; i++) {
            sb.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return sb.toString();
    }

    static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            sb.append(WORD_CHARS[random.nextInt(WORD_CHARS.length)]);
        }
        return sb.toString();
    }

    static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$' || c == '`') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String describe(long seed, String script) {
        return "seed=" + seed + " (replay: -Dshell.seed=" + seed + ") script=\"" + script.replace("\\", "\\\\")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\"", "\\\"") + "\"";
    }

    static List<SimpleCommand> parseSafely(String script, String where) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertDoesNotThrow(() -> ShellScript.parse(script), where), where);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("scriptSeeds")
    void tokenizerNeverThrowsAndOffsetsAreOrderedAndInBounds(long seed) {
        String script = randomScript(new Random(seed));
        String where = describe(seed, script);
        List<SimpleCommand> commands = parseSafely(script, where);
        checkCommands(commands, script.length(), where);
        ForcedRemoval hazard = new ForcedRemoval();
        for (SimpleCommand command : commands) {
            assertDoesNotThrow(() -> DockerCommand.parse(command).flatMap(hazard::find), where);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("scriptSeeds")
    void argvEntryPointNeverThrowsAndStaysInsideItsElement(long seed) {
        Random random = new Random(seed);
        String script = randomScript(random);
        String where = describe(seed, script);
        List<String> argv = List.of("sh", "-c", "--", script, randomText(random)); // "--": script may start with '-'
        List<ArgvCommand> commands = assertDoesNotThrow(() -> ShellScript.fromArgv(argv), where);
        assertFalse(commands.get(0).scripted(), where);
        List<SimpleCommand> scripted = new ArrayList<>();
        for (ArgvCommand c : commands.subList(1, commands.size())) {
            assertTrue(c.scripted(), where);
            assertEquals(3, c.element(), where);
            scripted.add(c.command());
        }
        checkCommands(scripted, script.length(), where);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("quotingSeeds")
    void singleAndDoubleQuotingRoundTrip(long seed) {
        Random random = new Random(seed);
        String text = randomText(random) + randomText(random);
        for (String quoted : List.of(singleQuoted(text), doubleQuoted(text))) {
            String script = "echo " + quoted + " ;";
            String where = describe(seed, script);
            List<SimpleCommand> commands = parseSafely(script, where);
            assertEquals(1, commands.size(), where);
            assertEquals(List.of("echo", text), commands.get(0).argv(), where);
            Word word = commands.get(0).words().get(1);
            assertEquals(5, word.start(), where);
            assertEquals(5 + quoted.length(), word.end(), where);
            assertFalse(word.hasExpansion(), where);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("quotingSeeds")
    void innerScriptOfShDashCMapsBackExactly(long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            words.add(randomText(random));
        }
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(singleQuoted(w));
        }
        String script = "sh -c " + doubleQuoted(String.join(" ", quoted)) + " x";
        String where = describe(seed, script);
        List<SimpleCommand> commands = parseSafely(script, where);
        assertTrue(commands.size() >= 2, where);
        SimpleCommand inner = commands.get(1);
        assertEquals(words, inner.argv(), where);
        for (Word w : inner.words()) {
            assertEquals('\'', script.charAt(w.start()), where + " word " + w);
            assertEquals('\'', script.charAt(w.end() - 1), where + " word " + w);
        }
    }

    static void checkCommands(List<SimpleCommand> commands, int length, String where) {
        int previousStart = 0;
        for (SimpleCommand c : commands) {
            String at = where + " command " + c;
            assertTrue(c.start() >= previousStart, at + " is out of source order");
            previousStart = c.start();
            assertTrue(0 <= c.start() && c.start() <= c.end() && c.end() <= length, at + " is out of bounds");
            assertFalse(c.words().isEmpty(), at + " has no words");
            assertTrue(c.loopDepth() >= 0, at);
            int previousEnd = c.start();
            for (Word w : c.words()) {
                assertTrue(w.start() >= previousEnd, at + ": word " + w + " overlaps the one before");
                assertTrue(w.start() < w.end() && w.end() <= c.end(), at + ": word " + w + " is out of bounds");
                previousEnd = w.end();
                int previousChar = w.start();
                for (int i = 0; i <= w.text().length(); i++) {
                    int offset = w.sourceOffset(i);
                    assertTrue(offset >= previousChar && offset <= w.end(), at + ": word " + w + " char " + i);
                    previousChar = offset;
                }
            }
            Optional.of(c.argv()).ifPresent(argv -> assertEquals(c.words().size(), argv.size(), at));
        }
    }
}
