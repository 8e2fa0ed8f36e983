package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.InternalFailure;
import dev.composefix.report.FileByFile;
import dev.composefix.report.Format;
import dev.composefix.report.ReportOptions;
import dev.composefix.rules.Rules;
import dev.composefix.testing.BytesOutput;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.TestFiles;
import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report a lint of many projects prints as it goes ({@link StreamedLint}) is, byte for byte, the one the
 * whole run's report renders ({@link LintRun#run} then the reporter): on generated layouts where projects
 * include and extend each other's files, share secrets, fail to parse and sort into each other, on the
 * corpus, and through the command. And the test that lets a project print early, {@link
 * StreamedLint#mayReference(byte[])}, never misses a file whose parsed tree has an {@code include} or
 * {@code extends} key.
 */
class StreamedLintTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "include:\n  - a.yml\n",
        "include :\n  - a.yml\n",
        "\"include\": [a.yml]\n",
        "'include' : [a.yml]\n",
        "{include: [a.yml]}\n",
        "{ include }\n",
        "? include\n: [a.yml]\n",
        "? include # the others\n: [a.yml]\n",
        "x: [&k include, b]\n*k : [a.yml]\n",
        "x: &k include\n",
        "include",
        "services:\n  web:\n    extends:\n      file: b.yml\n      service: web\n",
        "services: {web: {extends: {file: b.yml, service: web}}}\n",
        "\"\\x69nclude\": [a.yml]\n",
        "\"\\u0069nclude\": [a.yml]\n",
        "\"\\U00000069nclude\": [a.yml]\n",
        "\"inc\\\n  lude\": [a.yml]\n",
        "\"inc\\\r\n  lude\": [a.yml]\n",
        "x: \"trailing backslash\\",
    })
    void whatMayNameAnotherFileIsSeen(String text) {
        assertTrue(StreamedLint.mayReference(text.getBytes(StandardCharsets.UTF_8)), text);
    }

    @Test
    void textInUtf16IsTakenToMayNameAnotherFile() {
        byte[] utf16 = "services:\n  web:\n    image: nginx\n".getBytes(StandardCharsets.UTF_16LE);
        assertTrue(StreamedLint.mayReference(utf16));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "services:\n  web:\n    image: nginx:1.27\n",
        "includes:\n  - a.yml\n",
        "include_dir: x\n",
        "x-extends-note: the word is part of a longer key\n",
        "# include the database later\nservices: {}\n",
        "services:\n  web:\n    image: acme/include-tool:1\n",
        "services:\n  web:\n    command: [\"sh\", \"-c\", \"printf 'a\\tb\\n'\"]\n",
        "services:\n  web:\n    command: echo \"extends the path\"\n",
        "",
    })
    void plainFilesMayNot(String text) {
        assertFalse(StreamedLint.mayReference(text.getBytes(StandardCharsets.UTF_8)), text);
    }

    static Stream<Long> spellings() {
        return Seeds.of(71, 600);
    }

    /**
     * Generated texts that spell the two keys (or nearly) in the ways YAML allows: whenever the parsed tree has
     * an {@code include} or {@code extends} key anywhere, the bytes are seen to maybe name another file.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("spellings")
    void noParsedReferenceKeyIsMissed(long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder text = new StringBuilder();
        int entries = 1 + r.nextInt(4);
        for (int i = 0; i < entries; i++) {
            text.append(entry(r, i));
        }
        Charset charset = r.nextInt(10) == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8;
        byte[] bytes = text.toString().getBytes(charset);
        YamlDocument doc;
        try {
            doc = new YamlLoader().load("f.yml", bytes);
        } catch (YamlException e) {
            return; // a file that does not parse names no other file: its project reports the error
        }
        if (hasReferenceKey(doc.root())) {
            assertTrue(StreamedLint.mayReference(bytes), () -> Seeds.replay(seed) + ":\n" + text);
        }
    }

    private static final String[] WORDS = {"include", "extends", "includes", "include_dir", "xinclude", "extend"};

    /** One top-level entry whose key (or a key below it) spells a word in one of YAML's ways. */
    private static String entry(Random r, int i) {
        String word = WORDS[r.nextInt(WORDS.length)];
        String key = switch (r.nextInt(11)) {
            case 0 -> "\"" + word + "\"";
            case 1 -> "'" + word + "'";
            case 2 -> "\"" + escaped(r, word) + "\"";
            case 3 -> "\"" + word.substring(0, 3) + "\\\n    " + word.substring(3) + "\"";
            case 4 -> "!!str " + word;
            case 5 -> word + "   ";
            default -> word;
        };
        return switch (r.nextInt(7)) {
            case 0 -> "? " + key + "\n: [a.yml]\n";
            case 1 -> "k" + i + ": {" + key + ": [a.yml]}\n";
            case 2 -> "k" + i + ": [&a" + i + " " + key + ", x]\n*a" + i + " : [a.yml]\n";
            case 3 -> "k" + i + ":\n  " + key + ":\n    file: b.yml\n";
            case 4 -> "? |-\n  " + word + "\n: [a.yml]\n";
            default -> key + ": [a.yml]\n";
        };
    }

    /** {@code word} with some of its letters written as YAML escapes. */
    private static String escaped(Random r, String word) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toCharArray()) {
            switch (r.nextInt(4)) {
                case 0 -> b.append(String.format("\\x%02x", (int) c));
                case 1 -> b.append(String.format("\\u%04x", (int) c));
                case 2 -> b.append(String.format("\\U%08x", (int) c));
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hasReferenceKey(YNode n) {
        if (n instanceof YMapping m) {
            for (YEntry e : m.entries()) {
                String k = e.keyText();
                if ("include".equals(k) || "extends".equals(k) || hasReferenceKey(e.key().resolve())
                        || !(e.value() instanceof YAlias) && hasReferenceKey(e.value())) {
                    return true;
                }
            }
        } else if (n instanceof YSequence q) {
            for (YNode item : q.items()) {
                if (!(item instanceof YAlias) && hasReferenceKey(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Stream<Long> layouts() {
        return Seeds.of(72, 60);
    }

    /**
     * Generated layouts of projects that include and extend each other's files (and files of no project),
     * override files, secrets one project holds and another's text repeats, files that do not parse or are
     * not text, names that sort into each other: the streamed text and GitHub reports, exit code and
     * internal failures are those of the whole report.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("layouts")
    void printsWhatTheWholeReportPrints(long seed) throws Exception {
        Path root = Files.createDirectories(dir.resolve("s" + seed));
        List<Input> inputs = layout(new Random(seed), root);
        List<List<Input>> projects = ProjectFiles.group(inputs, Map.of());
        for (Format format : List.of(Format.TEXT, Format.GITHUB)) {
            for (boolean color : List.of(false, true)) {
                if (color && format != Format.TEXT) {
                    continue;
                }
                // Some runs keep none or a few of the bytes they read first, and read the rest again.
                long held = seed % 3 == 0 ? 0 : seed % 3 == 1 ? 20_000 : Long.MAX_VALUE;
                assertSameReport(projects, format, color, seed % 2 == 0, held, Seeds.replay(seed) + " " + format);
            }
        }
    }

    /**
     * A file two projects read is masked with the secrets of both: an included file that repeats the second
     * project's password, and a project's own file that another project includes and whose password it repeats.
     */
    @Test
    void aSharedFileIsMaskedWithTheSecretsOfEveryProjectThatReadsIt() throws Exception {
        Path common = write("common/shared.yml", "services:\n  echo:\n    image: alpine:3\n"
                + "    command: [\"sh\", \"-c\", \"docker rm -f old; echo s3cr3tvalue\"]\n");
        Path a = write("a/compose.yaml", "include:\n  - ../common/shared.yml\nservices:\n  db:\n    image: postgres:16\n"
                + "    environment:\n      POSTGRES_PASSWORD: a1value\n");
        Path b = write("b/compose.yaml", "include:\n  - ../common/shared.yml\nservices:\n  db:\n    image: postgres:16\n"
                + "    environment:\n      POSTGRES_PASSWORD: s3cr3tvalue\n");
        Path c = write("c/compose.yaml", "services:\n  job:\n    image: alpine:3\n    environment:\n"
                + "      API_TOKEN: c1value\n    command: [\"sh\", \"-c\", \"docker rm -f old; echo an0thervalue\"]\n");
        Path d = write("d/compose.yaml", "include:\n  - ../c/compose.yaml\nservices:\n  db:\n    image: postgres:16\n"
                + "    environment:\n      POSTGRES_PASSWORD: an0thervalue\n");
        List<List<Input>> projects = new ArrayList<>();
        for (Path p : List.of(a, b, c, d, common)) {
            projects.add(List.of(new Input(p.toString(), p, null)));
        }
        String text = assertSameReport(projects, Format.TEXT, false, false, "shared files");
        assertTrue(text.contains("docker rm -f old; echo ***\"]") && !text.contains("s3cr3tvalue")
                && !text.contains("an0thervalue"), text);
    }

    /**
     * The exit code follows each file's threshold: a file two projects read fails by the later project's
     * threshold (one that never fails sets none), and a threshold is the least severity that fails.
     */
    @Test
    void eachFileFailsByItsOwnThreshold() throws Exception {
        // A warning (no memory limit) in a file that projects include and that defines nothing else to find.
        write("common/shared.yml", "services:\n  job:\n    image: alpine:3\n    deploy:\n      resources:\n"
                + "        limits:\n          cpus: '0.5'\n");
        String includes = "include:\n  - ../common/shared.yml\n";
        assertEquals(ExitCode.FINDINGS, sameExit(projects(
                write("a/compose.yaml", includes), "fail-on: error",
                write("b/compose.yaml", includes), "fail-on: warning")));
        assertEquals(ExitCode.OK, sameExit(projects(
                write("c/compose.yaml", includes), "fail-on: warning",
                write("d/compose.yaml", includes), "fail-on: error")));
        assertEquals(ExitCode.FINDINGS, sameExit(projects(
                write("e/compose.yaml", includes), "fail-on: warning",
                write("f/compose.yaml", includes), "fail-on: never")));
        // An error (docker rm -f) fails a file whose threshold is warning.
        assertEquals(ExitCode.FINDINGS, sameExit(projects(
                write("g/compose.yaml", "services:\n  job:\n    image: alpine:3\n    deploy: {resources: {limits: "
                        + "{memory: 64M}}}\n    command: [\"sh\", \"-c\", \"docker rm -f old\"]\n"), "fail-on: warning")));
    }

    /** Projects of one file each, with each file's config beside it. */
    private List<List<Input>> projects(Object... fileAndConfig) throws Exception {
        List<List<Input>> out = new ArrayList<>();
        for (int i = 0; i < fileAndConfig.length; i += 2) {
            Path p = (Path) fileAndConfig[i];
            Files.writeString(p.resolveSibling(".composefix.yml"), (String) fileAndConfig[i + 1] + "\n");
            out.add(List.of(new Input(p.toString(), p, null)));
        }
        return out;
    }

    /** The exit code of a lint of {@code projects} with two rules only, the same streamed and whole. */
    private static int sameExit(List<List<Input>> projects) throws Exception {
        LintRun.Options only = new LintRun.Options(null, List.of("missing-memory-limit", "force-remove"), List.of(),
                null, true, null);
        LintRun.Outcome whole = new LintRun(Rules.catalog(), only, Map.of()).run(projects, List.of());
        StringBuilder out = new StringBuilder();
        StreamedLint.Result streamed = StreamedLint.run(new LintRun(Rules.catalog(), only, Map.of()), projects,
                new dev.composefix.report.TextReporter(false), out);
        assertEquals(whole.exitCode(), streamed.exit(), out::toString);
        return streamed.exit();
    }

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    /** The corpus, one project per file and grouped as a directory lint groups it: the same report. */
    @Test
    void theCorpusReadsTheSame() throws Exception {
        List<Input> inputs = new ArrayList<>();
        for (Path p : SharedData.corpusFiles().toList()) {
            inputs.add(new Input(p.toString(), p, null));
        }
        assertTrue(inputs.size() > 100, "the corpus: " + inputs.size() + " files");
        List<List<Input>> single = new ArrayList<>();
        for (Input in : inputs) {
            single.add(List.of(in));
        }
        assertSameReport(single, Format.TEXT, false, true, "corpus, a project per file");
        assertSameReport(ProjectFiles.group(inputs, Map.of()), Format.GITHUB, false, false, "corpus, grouped");
    }

    /** Through the command: many projects print to standard output what {@code -o FILE} (the whole report) writes. */
    @Test
    void theCommandPrintsManyProjectsAsItsReportFileHolds() throws Exception {
        List<Input> inputs = layout(new Random(7), dir);
        List<String> args = new ArrayList<>(List.of("lint", "--no-scripts"));
        for (Input in : inputs) {
            args.add(in.path().toString());
        }
        assertTrue(ProjectFiles.group(inputs, Map.of()).size() >= StreamedLint.FROM, "enough projects to stream");
        CliRun printed = CliRun.run(args.toArray(String[]::new));
        Path report = dir.resolve("report.txt");
        args.addAll(List.of("-o", report.toString()));
        CliRun written = CliRun.run(args.toArray(String[]::new));
        assertEquals(written.exit(), printed.exit(), printed.err());
        assertEquals(written.err(), printed.err());
        assertEquals(Files.readString(report), printed.out());
        assertTrue(printed.out().contains(" problems ("), printed.out());
    }

    /**
     * The report of {@code projects} rendered whole and printed as it goes (into bytes when {@code encoded}),
     * with the same exit code and internal failures; returns the text.
     */
    private static String assertSameReport(List<List<Input>> projects, Format format, boolean color, boolean encoded,
            String what) throws Exception {
        return assertSameReport(projects, format, color, encoded, Long.MAX_VALUE, what);
    }

    private static String assertSameReport(List<List<Input>> projects, Format format, boolean color, boolean encoded,
            long held, String what) throws Exception {
        ReportOptions ro = new ReportOptions(color, null, Rules.catalog(), "test");
        LintRun.Outcome whole = newRun().run(projects, List.of());
        StringBuilder expected = new StringBuilder();
        format.reporter(ro).render(whole.report(), expected);
        FileByFile reporter = (FileByFile) format.reporter(ro);
        String actual;
        StreamedLint.Result streamed;
        if (encoded) {
            BytesOutput out = new BytesOutput(StandardCharsets.UTF_8);
            streamed = StreamedLint.run(newRun(), projects, reporter, out, held);
            actual = new String(out.toByteArray(), StandardCharsets.UTF_8);
        } else {
            StringBuilder out = new StringBuilder();
            streamed = StreamedLint.run(newRun(), projects, reporter, out, held);
            actual = out.toString();
        }
        assertEquals(expected.toString(), actual, what);
        assertEquals(whole.exitCode(), streamed.exit(), what);
        assertEquals(messages(whole.failures()), messages(streamed.failures()), what);
        return actual;
    }

    private static LintRun newRun() throws UsageException {
        return new LintRun(Rules.catalog(), new LintRun.Options(null, List.of(), List.of(), null, true, null), Map.of());
    }

    private static List<String> messages(List<InternalFailure> failures) {
        List<String> out = new ArrayList<>();
        for (InternalFailure f : failures) {
            out.add(f.message());
        }
        return out;
    }

    private static final String[] DIRS = {"a", "a-b", "a.b", "a/b", "a/b/c", "b", "ab", "B", "z", "m/n", "p1", "p10", "p2"};

    /**
     * A layout of 64 to 90 projects under {@code root}, returned as the inputs of a lint of them: each
     * project a directory with a compose file (a generated stack), sometimes an override, an include of a
     * common file or of another project's file, an extends into another project, a secret (sometimes the
     * secret of another project repeated in plain text), a line that does not parse, bytes that are not
     * text, words the early test mistakes for references, or a config of its own (threshold, rules). The
     * common files are linted on their own too.
     */
    private static List<Input> layout(Random r, Path root) throws Exception {
        int n = StreamedLint.FROM + r.nextInt(27);
        Files.createDirectories(root.resolve("common"));
        List<String> secrets = new ArrayList<>();
        List<Path> bases = new ArrayList<>();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path d = Files.createDirectories(root.resolve(DIRS[r.nextInt(DIRS.length)]).resolve("q" + i));
            String name = r.nextInt(4) == 0 ? "docker-compose.yml" : "compose.yaml";
            bases.add(d.resolve(name));
        }
        for (int i = 0; i < n; i++) {
            Path base = bases.get(i);
            StringBuilder text = new StringBuilder();
            switch (r.nextInt(8)) {
                case 0 -> text.append("include:\n  - ")
                        .append(base.getParent().relativize(root.resolve("common/shared" + r.nextInt(3) + ".yml")))
                        .append('\n');
                case 1 -> text.append("include:\n  - ").append(base.getParent().relativize(bases.get(r.nextInt(n))))
                        .append('\n');
                default -> { }
            }
            String stack = ComposeStackGenerator.generate(r.nextLong(), 1 + r.nextInt(3)).replace("\r\n", "\n");
            text.append(stack);
            if (!stack.endsWith("\n")) {
                text.append('\n');
            }
            text.append("  extra").append(i).append(":\n    image: postgres:16\n");
            switch (r.nextInt(7)) {
                case 0 -> {
                    String secret = "pw" + Long.toHexString(r.nextLong());
                    secrets.add(secret);
                    text.append("    environment:\n      POSTGRES_PASSWORD: ").append(secret).append('\n');
                    if (r.nextBoolean()) { // quoted by a finding: masked with this project's secrets
                        text.append("    command: [\"sh\", \"-c\", \"docker rm -f old; echo ").append(secret)
                                .append("\"]\n");
                    }
                }
                case 1 -> {
                    if (!secrets.isEmpty()) { // another project's secret, in plain text here
                        text.append("    command: [\"sh\", \"-c\", \"docker rm -f old; echo ")
                                .append(secrets.get(r.nextInt(secrets.size()))).append("\"]\n");
                    }
                }
                case 2 -> {
                    Path other = bases.get(r.nextInt(n));
                    text.append("    extends:\n      file: ").append(base.getParent().relativize(other))
                            .append("\n      service: extra").append(bases.indexOf(other)).append('\n');
                }
                case 3 -> text.append("    command: sh -c \"echo a \\\n      b\"\n"); // a backslash: linted early
                case 4 -> text.append("    labels:\n      note: include the cache\n"); // a word, not a key
                default -> { }
            }
            if (r.nextInt(20) == 0) {
                text.append("  broken: [unclosed\n");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(30) == 0) {
                bytes = new byte[] {'s', 0, (byte) 0xff, '\n'};
            }
            Files.write(base, bytes);
            if (r.nextInt(4) == 0) {
                // Its own config: another threshold (a file two projects read fails by the later one's), and
                // a rule off or at another severity.
                String[] failOn = {"error", "warning", "info", "never"};
                String[] rules = {"missing-cpu-limit: off", "read-only-root: error", "no-new-privileges: warning",
                    "force-remove: info"};
                Files.writeString(base.resolveSibling(".composefix.yml"), "fail-on: " + failOn[r.nextInt(4)]
                        + "\nrules:\n  " + rules[r.nextInt(rules.length)] + "\n");
            }
            if (r.nextInt(5) == 0) {
                Files.writeString(base.resolveSibling(base.getFileName().toString().startsWith("docker")
                        ? "docker-compose.override.yml" : "compose.override.yaml"),
                        "services:\n  extra" + i + ":\n    restart: always\n");
            }
            inputs.add(new Input(base.toString(), base, null));
        }
        for (int k = 0; k < 3; k++) {
            Path common = root.resolve("common/shared" + k + ".yml");
            String secret = secrets.isEmpty() ? "none" : secrets.get(r.nextInt(secrets.size()));
            String other = secrets.isEmpty() ? "none" : secrets.get(r.nextInt(secrets.size()));
            // A secret as a credential here (every project that reads the file knows it), and another in plain
            // text (masked only by the secrets of the projects that hold it themselves).
            Files.writeString(common, "services:\n  shared" + k + ":\n    image: redis:7\n    command: [\"redis-server\", \"--requirepass\", \""
                    + secret + "\"]\n  echo" + k + ":\n    image: alpine:3\n    command: [\"sh\", \"-c\", \"docker rm -f old; echo "
                    + other + "\"]\n");
            if (r.nextBoolean()) {
                inputs.add(new Input(common.toString(), common, null));
            }
        }
        return inputs;
    }
}
