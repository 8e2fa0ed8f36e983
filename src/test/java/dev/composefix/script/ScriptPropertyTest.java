package dev.composefix.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.cli.ScriptInput;
import dev.composefix.engine.Finding;
import dev.composefix.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random tests of the script readers. Each case is one seed; a failure names it, and
 * {@code mvn test -Dtest='dev.composefix.script.ScriptPropertyTest' -Dscript.seed=N} replays only that seed.
 */
class ScriptPropertyTest {
    private static final String[] TOKENS = {
        "'", "\"", "\"\"\"", "'''", "`", "${", "}", "{", "$", "$$", "$(", ")", "(", "[", "]", ",", "\\", "\\\n",
        "\n", "\n\t", "\t", " ", "  ", "#", "//", "/*", "*/", "/", "+", "=", ";", ":", "-", "|", ">", "&&",
        "docker", " rm -f ", "kill", "subprocess.run(", "os.system(", "execSync(", "spawn(", "shell=True",
        "r\"", "f'", "\\x41", "\\u0041", "\\n", "é", "\uD83D\uDE00", "\r\n", "run: ", "script:", "- ", "|\n",
        ">-\n", "  ", "\"scripts\"", "{\"scripts\": {", "define ", "endef", "all:", "@", "while true; do ",
        "done", "sleep 1", "docker restart x", "docker compose down -v",
    };

    static LongStream seeds() {
        String replay = System.getProperty("script.seed");
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.trim()));
        }
        return LongStream.range(0, 1500);
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(50);
        for (int i = 0; i < n; i++) {
            b.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return b.toString();
    }

    /** Every reader takes any text: YAML and JSON may refuse it with a position, nothing else throws. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readersNeverThrowAndMapInsideTheText(long seed) {
        Random random = new Random(seed);
        String text = randomText(random);
        for (ScriptKind kind : ScriptKind.values()) {
            ScriptFile file;
            try {
                file = ScriptLoader.load("f", kind, text, false);
            } catch (ScriptException e) {
                assertTrue(kind == ScriptKind.GITHUB_ACTIONS || kind == ScriptKind.GITLAB_CI
                        || kind == ScriptKind.PACKAGE_JSON, "seed " + seed + ": " + kind + " refused text");
                assertTrue(e.position() != null, "seed " + seed + ": no position");
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ": " + kind + " threw on " + quote(text), e);
            }
            List<ShellSnippet> all = new ArrayList<>(file.snippets());
            file.argvs().forEach(a -> all.addAll(a.elements()));
            for (ShellSnippet s : all) {
                for (int i = 0; i < s.text().length(); i++) {
                    int from = s.starts()[i];
                    int to = s.ends()[i];
                    if (from < 0 || to < from || to > text.length()) {
                        fail("seed " + seed + ": " + kind + " maps char " + i + " of " + quote(s.text()) + " to ["
                                + from + ", " + to + ") in " + quote(text));
                    }
                }
            }
            lint(kind, text); // the rules never fail on what the readers produce
        }
    }

    /**
     * Commands split over lines with backslash-newline (and comments, blank lines and strings between them)
     * keep their line numbers: as a shell script, as Makefile recipe lines and as a GitHub Actions literal
     * block, each finding starts on the command's first line (at the flag when the flag is on that line) and
     * ends just after the flag.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void continuationsKeepLineNumbers(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<int[]> expected = new ArrayList<>(); // {line, column, endLine, endColumn}, 0-based line index
        int commands = 1 + random.nextInt(5);
        for (int c = 0; c < commands; c++) {
            int filler = random.nextInt(3);
            for (int f = 0; f < filler; f++) {
                lines.add(switch (random.nextInt(3)) {
                    case 0 -> "# docker rm -f commented";
                    case 1 -> "echo \"docker rm -f quoted\"";
                    default -> "";
                });
            }
            String[] words = {"docker", "rm", "-f", "c" + c};
            int first = lines.size();
            StringBuilder line = new StringBuilder(random.nextBoolean() ? "" : "  ");
            int dockerColumn = line.length() + 1;
            int[] flag = null;
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    if (random.nextInt(3) == 0) {
                        line.append(" \\");
                        lines.add(line.toString());
                        line = new StringBuilder(" ".repeat(1 + random.nextInt(4)));
                    } else {
                        line.append(' ');
                    }
                }
                if (w == 2) {
                    flag = new int[] {lines.size(), line.length() + 1};
                }
                line.append(words[w]);
            }
            lines.add(line.toString());
            int startLine = first;
            int startColumn = flag[0] == first ? flag[1] : dockerColumn;
            expected.add(new int[] {startLine, startColumn, flag[0], flag[1] + 2});
        }
        check(seed, "shell", ScriptKind.SHELL, String.join("\n", lines) + "\n", lines, expected, 0, 0);
        List<String> recipe = new ArrayList<>();
        recipe.add("all:");
        for (String l : lines) {
            recipe.add("\t" + l);
        }
        check(seed, "make", ScriptKind.MAKEFILE, String.join("\n", recipe) + "\n", lines, expected, 1, 1);
        List<String> yaml = new ArrayList<>(List.of("jobs:", "  t:", "    steps:", "      - run: |2"));
        for (String l : lines) {
            yaml.add(l.isEmpty() ? "" : "          " + l);
        }
        check(seed, "yaml", ScriptKind.GITHUB_ACTIONS, String.join("\n", yaml) + "\n", lines, expected, 4, 10);
    }

    private static void check(long seed, String what, ScriptKind kind, String text, List<String> lines,
            List<int[]> expected, int lineShift, int columnShift) {
        List<Finding> found = lint(kind, text);
        List<String> want = new ArrayList<>();
        for (int[] e : expected) {
            int startShift = lines.get(e[0]).isEmpty() ? 0 : columnShift;
            want.add((e[0] + 1 + lineShift) + ":" + (e[1] + startShift) + "-" + (e[2] + 1 + lineShift) + ":"
                    + (e[3] + columnShift));
        }
        List<String> got = new ArrayList<>();
        for (Finding f : found) {
            got.add(f.start().line() + ":" + f.start().column() + "-" + f.end().line() + ":" + f.end().column());
        }
        assertEquals(want, got, () -> "seed " + seed + " (" + what + "):\n" + text);
    }

    private static List<Finding> lint(ScriptKind kind, String text) {
        try {
            LintRun run = new LintRun(Rules.catalog(), new LintRun.Options(null, List.of("force-remove"), List.of(),
                    null, true, null), Map.of());
            LintRun.Outcome o = run.run(List.of(), List.of(new ScriptInput(new Input("f", Path.of("f"),
                    text.getBytes(StandardCharsets.UTF_8)), kind)));
            assertTrue(o.failures().isEmpty(), () -> "rule failures: " + o.failures());
            return o.report().findings().stream().filter(f -> !f.rule().equals("parse-error")).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final char[] VALUE_CHARS = "ab -\"'\\/\n\t\r\u0001é€$`{}".toCharArray();

    /** Every char of a package.json script maps to the text (itself or its escape) that decodes to it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonEscapesMapBackToTheirChars(long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder value = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            value.append(VALUE_CHARS[random.nextInt(VALUE_CHARS.length)]);
        }
        ObjectMapper json = new ObjectMapper();
        String encoded = json.writeValueAsString(value.toString());
        if (random.nextBoolean()) {
            encoded = encoded.replace("a", "\\u0061"); // an escape Jackson would not write
        }
        String text = "{\n  \"name\": \"x\",\n  \"scripts\": {\"a\": " + encoded + "}\n}\n";
        ScriptFile file = ScriptLoader.load("package.json", ScriptKind.PACKAGE_JSON, text, false);
        assertEquals(1, file.snippets().size());
        ShellSnippet s = file.snippets().get(0);
        assertEquals(value.toString(), s.text(), "seed " + seed);
        for (int i = 0; i < s.text().length(); i++) {
            String raw = text.substring(s.starts()[i], s.ends()[i]);
            assertEquals(String.valueOf(s.text().charAt(i)), json.readValue("\"" + raw + "\"", String.class),
                    "seed " + seed + ": char " + i + " maps to " + quote(raw));
        }
    }

    private static final String[] STYLES = {"plain", "single", "double", "literal", "folded"};

    /**
     * A docker command written as a {@code run:} scalar in every style maps each word char to that char in the
     * file, and the value the readers see is YAML's.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void yamlScalarsMapWordsToTheirPlaceInTheFile(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(List.of("docker", "rm", "-f"));
        int extra = 1 + random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            words.add("c" + random.nextInt(100) + (random.nextBoolean() ? "-x" : ".y"));
        }
        String style = STYLES[random.nextInt(STYLES.length)];
        StringBuilder scalar = new StringBuilder();
        String command = String.join(" ", words);
        switch (style) {
            case "plain" -> scalar.append(command.replace(" c", random.nextBoolean() ? "\n          c" : " c"));
            case "single" -> scalar.append('\'').append(command.replace(" c", random.nextBoolean()
                    ? "\n          c" : " c")).append('\'');
            case "double" -> {
                scalar.append('"');
                for (char ch : command.toCharArray()) {
                    int r = random.nextInt(8);
                    if (ch != ' ' && r == 0) {
                        scalar.append(String.format("\\x%02x", (int) ch));
                    } else if (ch != ' ' && r == 1) {
                        scalar.append(String.format("\\u%04X", (int) ch));
                    } else if (ch == ' ' && r == 2) {
                        scalar.append("\\\n          \\ ");
                    } else {
                        scalar.append(ch);
                    }
                }
                scalar.append('"');
            }
            case "literal" -> scalar.append("|\n          ").append(String.join(" \\\n          ", words));
            default -> scalar.append(">-\n          ").append(String.join("\n          ", words));
        }
        String text = "jobs:\n  t:\n    steps:\n      - name: x\n        run: " + scalar + "\n";
        ScriptFile file = ScriptLoader.load("ci.yml", ScriptKind.GITHUB_ACTIONS, text, false);
        assertEquals(1, file.snippets().size(), "seed " + seed);
        ShellSnippet s = file.snippets().get(0);
        for (int i = 0; i < s.text().length(); i++) {
            char ch = s.text().charAt(i);
            if (Character.isWhitespace(ch) || ch == '\\') {
                continue;
            }
            String raw = text.substring(s.starts()[i], s.ends()[i]);
            boolean ok = raw.equals(String.valueOf(ch))
                    || (raw.startsWith("\\x") && Integer.parseInt(raw.substring(2), 16) == ch)
                    || (raw.startsWith("\\u") && Integer.parseInt(raw.substring(2), 16) == ch);
            assertTrue(ok, "seed " + seed + " (" + style + "): char " + i + " '" + ch + "' maps to " + quote(raw)
                    + " in\n" + text);
        }
        assertEquals(1, lint(ScriptKind.GITHUB_ACTIONS, text).size(), "seed " + seed + " (" + style + ")\n" + text);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }
}
