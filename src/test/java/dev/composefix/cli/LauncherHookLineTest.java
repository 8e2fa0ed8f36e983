package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.Repo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher's choice of class-data sharing archive ({@code hook_kind} in {@code composefix}): the hooks'
 * archives hold no picocli, and the compose hooks' none of the scripts' readers, so a line given one must be
 * one {@link PlainLine} reads (not picocli) and name only files its hooks take (by the {@code files}
 * patterns of {@code .pre-commit-hooks.yaml}); and the hooks' own lines must get theirs. The launcher's
 * functions are run by bash as they are written there, over seeded generated lines.
 */
class LauncherHookLineTest {

    private static final Io QUIET = new Io(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), Path.of("."), false);

    /** Words generated lines are made of: options of every kind, levels, and file names of each sort. */
    private static final List<String> WORDS = List.of("--fail-on", "error", "warning", "info", "bogus",
            "--fail-on=error", "--fail-on=info", "--fail-on=ERROR", "--in-place", "-i", "--check", "--diff",
            "--unsafe-fixes", "--format", "json", "--no-scripts", "--debug", "-", "@args", "--", "-f",
            "compose.yaml", "docker-compose.yml", "sub/Docker-Compose.Prod.YML", "compose-dev.yaml",
            "x/docker-compose.override.yml", "stack.yml", "deploy.sh", "Makefile", "compose.yaml.bak",
            "composer.yml", ".github/workflows/compose.yml", "mycompose.yaml", "lint", "rewrite",
            ".github/workflows/ci.yml", "x/action.yml", "package.json", "tool.py", "x/GNUmakefile", "app.ts",
            ".gitlab-ci.yml", "build.MK", "scripts/run.Sh", "notes.txt");

    @Test
    void hookLinesAreReadWithoutPicocliAndNameOnlyTheirHooksFiles() throws Exception {
        Pattern composeFiles = hookFiles("composefix");
        Pattern scriptFiles = hookFiles("composefix-scripts");
        Random random = new Random(20261124L);
        List<String[]> lines = new ArrayList<>();
        // The hooks' own lines (with the args README shows) first, then generated ones.
        lines.add(new String[] {"lint", "compose.yaml"});
        lines.add(new String[] {"lint", "--fail-on", "error", "compose.yaml", "sub/docker-compose.yml"});
        lines.add(new String[] {"rewrite", "--in-place", "compose.yaml", "x/compose.override.yaml"});
        lines.add(new String[] {"lint", "deploy.sh", "Makefile", ".github/workflows/ci.yml", "package.json"});
        lines.add(new String[] {"lint", "--fail-on", "error", "tool.py"});
        for (int i = 0; i < 4000; i++) {
            String[] line = new String[1 + random.nextInt(6)];
            line[0] = random.nextInt(10) == 0 ? "plan" : random.nextBoolean() ? "lint" : "rewrite";
            for (int k = 1; k < line.length; k++) {
                line[k] = WORDS.get(random.nextInt(WORDS.size()));
            }
            lines.add(line);
        }
        List<String> kind = hookKind(lines);
        assertEquals(List.of("compose", "compose", "compose", "scripts", "scripts"), kind.subList(0, 5),
                "the hooks' own lines get their hooks' archives");
        int compose = 0;
        int scripts = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            if (kind.get(i).isEmpty()) {
                continue;
            }
            String shown = String.join(" ", line);
            assertNotNull(PlainLine.command(QUIET, null, line), "a hook line picocli would read: " + shown);
            boolean isCompose = kind.get(i).equals("compose");
            if (isCompose) {
                compose++;
            } else {
                assertEquals("scripts", kind.get(i), shown);
                assertEquals("lint", line[0], "the scripts hook lints: " + shown);
                scripts++;
            }
            for (int k = 1; k < line.length; k++) {
                if (!line[k].startsWith("-") && !(k > 1 && line[k - 1].equals("--fail-on"))) {
                    assertTrue((isCompose ? composeFiles : scriptFiles).matcher(line[k]).find(),
                            "a file its hook does not take: " + shown);
                    assertTrue(isCompose || !composeFiles.matcher(line[k]).find(),
                            "a compose file in the scripts hook's line: " + shown);
                }
            }
        }
        // Not everything: a line with another option, files of both hooks or another command gets the whole one.
        assertTrue(compose > 100 && scripts > 100 && compose + scripts < lines.size() / 2,
                compose + " and " + scripts + " of " + lines.size() + " lines");
        List<String> others = hookKind(List.of(new String[] {"lint", "--format", "json", "compose.yaml"},
                new String[] {"lint", "compose.yaml", "Makefile"}, new String[] {"rewrite", "deploy.sh"},
                new String[] {"rewrite", "--fail-on", "error", "compose.yaml"}, new String[] {"plan", "compose.yaml"},
                new String[] {"lint", "--fail-on"}, new String[] {"lint", "stack.yml"}, new String[] {"lint"},
                new String[] {"rewrite", "--check"}, new String[] {"lint", "--no-scripts", "deploy.sh"}));
        assertEquals(List.of("", "", "", "", "", "", "", "", "", ""), others);
    }

    /** The {@code files} pattern of the hook {@code id} in {@code .pre-commit-hooks.yaml}. */
    private static Pattern hookFiles(String id) throws Exception {
        String hooks = Files.readString(Repo.root().resolve(".pre-commit-hooks.yaml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("- id: " + Pattern.quote(id) + "\\n(?:  .*\\n)*?  files: (.*)\\n").matcher(hooks);
        assertTrue(m.find(), "the files pattern of the hook " + id);
        return Pattern.compile(m.group(1).strip());
    }

    /** What the launcher's {@code hook_kind} says of each line ("" for none), run by bash from the launcher's own text. */
    private static List<String> hookKind(List<String[]> lines) throws Exception {
        String launcher = Files.readString(Repo.root().resolve("composefix"), StandardCharsets.UTF_8);
        int from = launcher.indexOf("\nhook_kind() {");
        int to = launcher.indexOf("\nhook=\"\"\n");
        assertTrue(from > 0 && to > from, "the launcher defines hook_kind, then sets hook=\"\"");
        StringBuilder script = new StringBuilder("set -euo pipefail\n").append(launcher, from + 1, to + 1);
        // One line per input line, its words separated by tabs (none holds a tab or a newline).
        script.append("while IFS=$'\\t' read -r -a words; do\n")
                .append("  hook_kind \"${words[@]}\"; echo \"kind:$hook\"\n")
                .append("done\n");
        StringBuilder input = new StringBuilder();
        for (String[] line : lines) {
            input.append(String.join("\t", line)).append('\n');
        }
        Process p = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash ended");
        assertEquals(0, p.exitValue(), out);
        List<String> said = new ArrayList<>();
        for (String s : out.split("\n")) {
            assertTrue(s.startsWith("kind:"), "bash printed: " + s);
            said.add(s.substring("kind:".length()));
        }
        assertEquals(lines.size(), said.size(), out);
        return said;
    }
}
