package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Holding trailing arguments back from picocli ({@link HeldArguments}) reads every command line as picocli
 * reads it whole: generated lines (seeded; a failure names its seed and line, and
 * {@code -Dcomposefix.heldSeed=N} replays it) parse to the same options, positional parameters and help
 * requests, or both fail; and whole runs print the same and exit the same.
 */
class HeldArgumentsTest {

    @TempDir
    Path dir;

    private static final Io QUIET = io(new ByteArrayOutputStream(), new ByteArrayOutputStream());

    private static Io io(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Io(new ByteArrayInputStream("services: {}\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), Path.of("").toAbsolutePath(), false);
    }

    @Test
    void lintAndRewriteHoldTheTrailingFilesButTheFirst() {
        for (String command : List.of("lint", "rewrite")) {
            String[] args = {command, "--debug", "a.yml", "b.yml", "c.yml"};
            assertEquals(3, Main.line(QUIET, null, args).holdFrom(args), command);
            String[] one = {command, "a.yml"};
            assertEquals(2, Main.line(QUIET, null, one).holdFrom(one), command);
            String[] dashes = {command, "a.yml", "-", "b.yml"};
            assertEquals(4, Main.line(QUIET, null, dashes).holdFrom(dashes), command);
        }
        String[] plan = {"plan", "a.yml", "b.yml", "c.yml"};
        assertEquals(4, Main.line(QUIET, null, plan).holdFrom(plan));
        String[] none = {"a.yml", "b.yml", "c.yml"};
        assertEquals(3, Main.line(QUIET, null, none).holdFrom(none));
    }

    @Test
    void plainArgumentsAreThoseNoOptionCanBe() {
        for (String a : List.of("a", "/tmp/x.yml", "x=y", "lint", "1", "é", "a b")) {
            assertTrue(HeldArguments.plain(a), a);
        }
        for (String a : List.of("", "-", "--", "-h", "--format=json", "@file", "@", "-1")) {
            assertTrue(!HeldArguments.plain(a), a);
        }
    }

    // Pieces of generated command lines.
    private static final List<String> VALUED = List.of("--format", "-o", "--output", "--link-base", "--baseline",
            "--write-baseline", "--fail-on", "--config", "--only", "--skip", "--env-file", "--stdin-filename",
            "--host-memory", "--host-cpus", "-f", "--file", "--profile", "--project-root", "--max-file-size", "--into");
    private static final List<String> FLAGS = List.of("--no-scripts", "--ignore-environment", "--debug", "-h",
            "--help", "-V", "--version", "-i", "--in-place", "--diff", "--check", "--unsafe-fixes");
    private static final List<String> ODD = List.of("--", "-", "@", "@@x", "@/no/such/argument/file", "", "-hV",
            "-ofile", "-fx", "-of", "-Vf", "-io", "--format=json", "--format=bogus", "--format=", "--no-scripts=true",
            "--no-scripts=false", "--no-scripts=maybe", "--host-cpus=abc", "--host-cpus=2", "--bogus", "-x", "-1",
            "-1.5", "--only=a,b", "-Z", "--fo", "--debug=", "-o=out", "--format=json=x");
    private static final List<String> PLAIN = List.of("json", "text", "sarif", "a", "b/c.yml", "/tmp/x.yml", "x=y",
            "lint", "rewrite", "rules", "1", "3.5", "0x10", "a b", "true", "false", "compose.yaml", "é", "never",
            "--format", "-o", "--");

    private static String[] generate(Random random, List<String> commands, List<String> valued, List<String> flags,
            List<String> odd, List<String> plain) {
        List<String> args = new ArrayList<>();
        args.add(commands.get(random.nextInt(commands.size())));
        int prefix = random.nextInt(7);
        for (int i = 0; i < prefix; i++) {
            int kind = random.nextInt(4);
            List<String> from = kind == 0 ? valued : kind == 1 ? flags : kind == 2 ? odd : plain;
            args.add(from.get(random.nextInt(from.size())));
        }
        int tail = random.nextInt(7);
        for (int i = 0; i < tail; i++) {
            args.add(plain.get(random.nextInt(plain.size())));
        }
        return args.toArray(String[]::new);
    }

    private static long seed() {
        String given = System.getProperty("composefix.heldSeed");
        return given != null ? Long.parseLong(given) : new Random().nextLong();
    }

    /** What a parse gave: help requests, every option's value, the positional parameters; or its failure. */
    private static String parsed(Main.Line line, String[] args) {
        CommandLine.ParseResult result;
        try {
            result = line.cmd().parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return "fails";
        }
        StringBuilder out = new StringBuilder();
        out.append("help=").append(result.isUsageHelpRequested()).append(" version=")
                .append(result.isVersionHelpRequested());
        CommandLine.ParseResult sub = result.subcommand();
        out.append(" sub=").append(sub == null ? "none" : sub.commandSpec().name());
        if (sub != null) {
            out.append(" help=").append(sub.isUsageHelpRequested()).append(" version=")
                    .append(sub.isVersionHelpRequested()).append(" debug=").append(sub.hasMatchedOption("--debug"));
            CommandSpec spec = line.command().spec;
            List<OptionSpec> options = new ArrayList<>(spec.options());
            options.sort(Comparator.comparing(OptionSpec::longestName));
            for (OptionSpec o : options) {
                out.append(' ').append(o.longestName()).append('=').append(String.valueOf((Object) o.getValue()));
            }
            out.append(" positionals=").append(line.command().positionals(spec));
        }
        return out.toString();
    }

    @Test
    void generatedLinesParseAlikeWholeAndHeld() {
        long seed = seed();
        Random random = new Random(seed);
        int held = 0;
        for (int n = 0; n < 2000; n++) {
            String[] args = generate(random, List.of("lint", "rewrite"), VALUED, FLAGS, ODD, PLAIN);
            Main.Line heldLine = Main.line(QUIET, null, args);
            int from = heldLine.holdFrom(args);
            if (from == args.length) {
                continue;
            }
            held++;
            heldLine.hold(args, from);
            String shortened = parsed(heldLine, Arrays.copyOf(args, from));
            String whole = parsed(Main.line(QUIET, null, args), args);
            String where = "seed " + seed + ", line " + n + ": " + Arrays.toString(args);
            if (shortened.equals("fails")) {
                // Main then parses the whole line, for picocli's message; it fails as well.
                assertEquals("fails", whole, where);
            } else {
                assertEquals(whole, shortened, where);
            }
        }
        assertTrue(held > 500, "lines with held arguments: " + held);
    }

    @Test
    void generatedRunsPrintAndExitAlikeWholeAndHeld() throws Exception {
        Path clean = dir.resolve("compose.yaml");
        Files.writeString(clean, "services:\n  web:\n    image: nginx:1.27\n");
        Path other = dir.resolve("b").resolve("docker-compose.yml");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "services:\n  db:\n    image: postgres\n    privileged: true\n");
        Path broken = dir.resolve("c").resolve("compose.yaml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "services: [\n");
        // Options that write files are left out: both runs would write them.
        List<String> valued = List.of("--format", "--link-base", "--fail-on", "--only", "--skip", "--stdin-filename",
                "--host-memory", "--host-cpus", "--profile", "--max-file-size", "--config", "--baseline");
        List<String> flags = List.of("--no-scripts", "--ignore-environment", "--debug", "-h", "--help", "-V",
                "--version");
        List<String> odd = List.of("--", "-", "", "-hV", "--format=json", "--format=bogus", "--no-scripts=true",
                "--no-scripts=maybe", "--host-cpus=abc", "--bogus", "-x", "-1", "--only=nope", "-Z", "--fo",
                "--fail-on=error");
        List<String> plain = List.of(clean.toString(), other.toString(), broken.toString(), dir.toString(),
                dir.resolve("missing.yml").toString(), "json", "github", "never", "error", "missing-memory-limit",
                "6G", "2", "lint");
        long seed = seed();
        Random random = new Random(seed);
        for (int n = 0; n < 60; n++) {
            String[] args = generate(random, List.of("lint"), valued, flags, odd, plain);
            String where = "seed " + seed + ", line " + n + ": " + Arrays.toString(args);
            ByteArrayOutputStream out0 = new ByteArrayOutputStream();
            ByteArrayOutputStream err0 = new ByteArrayOutputStream();
            int exit0 = Main.run(io(out0, err0), null, args, false);
            ByteArrayOutputStream out1 = new ByteArrayOutputStream();
            ByteArrayOutputStream err1 = new ByteArrayOutputStream();
            int exit1 = Main.run(io(out1, err1), null, args, true);
            assertEquals(out0.toString(StandardCharsets.UTF_8), out1.toString(StandardCharsets.UTF_8), where);
            assertEquals(err0.toString(StandardCharsets.UTF_8), err1.toString(StandardCharsets.UTF_8), where);
            assertEquals(exit0, exit1, where);
        }
    }
}
