package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A {@link PlainLine} reads a command line as picocli does, or leaves it to picocli: on generated lines
 * (seeded; a failure names its seed and line, and {@code -Dcomposefix.plainSeed=N} replays it), every line
 * read here parses with picocli too, to the same command with the same value in every field of the command
 * and of its shared options. Whole runs through both readings are compared by {@link HeldArgumentsTest}.
 */
class PlainLineTest {

    private static final Io QUIET = new Io(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(),
            Path.of("").toAbsolutePath(), false);

    /** Arguments a plain line may hold, besides plain ones: the flags it reads (and one alias). */
    private static final List<String> READ = List.of("--no-scripts", "--ignore-environment", "--debug", "-i",
            "--in-place", "--diff", "--check", "--unsafe-fixes", "--fail-on", "--fail-on=error", "--fail-on=never",
            "--fail-on=bogus", "--fail-on=", "error", "warning", "info", "never");
    /** Arguments that make a line picocli's. */
    private static final List<String> NOT_READ = List.of("-", "--", "", "@args", "-h", "--help", "-V", "--format",
            "--format=json", "-o", "--into", "-io", "--check=true", "--no-scripts=false", "--bogus", "-1");
    private static final List<String> PLAIN = List.of("a.yml", "b/compose.yaml", "/tmp/x.yml", "x=y", "lint",
            "rewrite", "help", "json", "é", "a b", "1");

    @Test
    void generatedLinesReadHereReadAlikeWithPicocli() throws Exception {
        String given = System.getProperty("composefix.plainSeed");
        long seed = given != null ? Long.parseLong(given) : new Random().nextLong();
        Random random = new Random(seed);
        int read = 0;
        int lines = 3000;
        for (int n = 0; n < lines; n++) {
            List<String> args = new ArrayList<>();
            args.add(random.nextBoolean() ? "lint" : "rewrite");
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(20);
                List<String> from = kind < 12 ? PLAIN : kind < 19 ? READ : NOT_READ;
                args.add(from.get(random.nextInt(from.size())));
            }
            String[] line = args.toArray(String[]::new);
            String where = "seed " + seed + ", line " + n + ": " + Arrays.toString(line);
            CommandBase plain = PlainLine.command(QUIET, null, line);
            if (plain == null) {
                continue;
            }
            read++;
            assertEquals(state(plain), state(picocli(line, where)), where);
        }
        assertTrue(read > lines / 4, "lines read here: " + read);
    }

    @Test
    void whatPicocliRefusesIsLeftToIt() {
        for (String line : List.of("lint --no-scripts --no-scripts a.yml", "rewrite -i --in-place a.yml",
                "rewrite --check --check a.yml", "lint --debug a.yml --debug", "lint --diff a.yml",
                "rewrite --no-scripts a.yml")) {
            String[] args = line.split(" ");
            assertNull(PlainLine.command(QUIET, null, args), line);
            assertThrows(CommandLine.ParameterException.class, () -> Main.line(QUIET, null, args).cmd().parseArgs(args),
                    line);
        }
        for (String line : List.of("lint -h", "lint --format json a.yml", "lint - a.yml", "lint @a.yml", "plan a.yml",
                "rules", "--version", "lint -- a.yml", "lint --fail-on", "lint --fail-on Error a.yml",
                "lint --fail-on bogus a.yml", "lint a.yml --fail-on", "rewrite --fail-on error a.yml",
                "lint --fail-on error --fail-on=info a.yml", "lint --fail-on=warning --fail-on warning a.yml")) {
            assertNull(PlainLine.command(QUIET, null, line.split(" ")), line);
        }
    }

    @Test
    void aPreCommitHooksLineIsReadHere() {
        CommandBase lint = PlainLine.command(QUIET, null, new String[] {"lint", "a.yml", "b/compose.yaml"});
        assertNotNull(lint);
        assertEquals(List.of("a.yml", "b/compose.yaml"), ((LintCommand) lint).paths);
        CommandBase rewrite = PlainLine.command(QUIET, null, new String[] {"rewrite", "--in-place", "a.yml"});
        assertTrue(((RewriteCommand) rewrite).inPlace);
        assertEquals(List.of("a.yml"), ((RewriteCommand) rewrite).files);
        assertTrue(PlainLine.command(QUIET, null, new String[] {"lint"}) instanceof LintCommand);
        // The README's example of a hook's args.
        CommandBase failOn = PlainLine.command(QUIET, null, new String[] {"lint", "--fail-on", "error", "a.yml"});
        assertNotNull(failOn);
        assertEquals("error", ((LintCommand) failOn).failOn);
        assertEquals(List.of("a.yml"), ((LintCommand) failOn).paths);
        assertEquals("info", ((LintCommand) PlainLine.command(QUIET, null,
                new String[] {"lint", "a.yml", "--fail-on=info"})).failOn);
    }

    /** The command picocli makes of {@code args}, its values read as a run reads them. */
    private static CommandBase picocli(String[] args, String where) {
        Main.Line line = Main.line(QUIET, null, args);
        CommandLine.ParseResult result = line.cmd().parseArgs(args);
        assertNotNull(result.subcommand(), where);
        assertTrue(!result.subcommand().isUsageHelpRequested() && !result.subcommand().isVersionHelpRequested(), where);
        CommandBase command = line.command();
        command.options.read(command.spec);
        command.read(command.spec);
        return command;
    }

    /** Every field of the command and of its shared options (not its surroundings or its model), by name. */
    private static Map<String, Object> state(CommandBase command) throws IllegalAccessException {
        Map<String, Object> out = new TreeMap<>();
        out.put("class", command.getClass().getSimpleName());
        fields(command, command.getClass(), "", out);
        fields(command.options, RunOptions.class, "options.", out);
        return out;
    }

    private static void fields(Object o, Class<?> type, String prefix, Map<String, Object> out)
            throws IllegalAccessException {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || List.of("io", "catalog", "spec", "held", "options")
                    .contains(f.getName())) {
                continue;
            }
            f.setAccessible(true);
            Object value = f.get(o);
            out.put(prefix + f.getName(), value instanceof List<?> l ? List.copyOf(l) : value);
        }
    }
}
