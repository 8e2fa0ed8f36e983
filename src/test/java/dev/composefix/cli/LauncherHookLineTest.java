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
 * The launcher's choice of class-data sharing archive ({@code hook_line} in {@code composefix}): the hooks'
 * archive holds neither picocli nor the scripts' readers, so a line given it must be one {@link PlainLine}
 * reads (not picocli) and name only files the hooks on compose files take (by the {@code files} pattern of
 * {@code .pre-commit-hooks.yaml}); and the hooks' own lines must get it. The launcher's functions are run by
 * bash as they are written there, over seeded generated lines.
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
            "composer.yml", ".github/workflows/compose.yml", "mycompose.yaml", "lint", "rewrite");

    @Test
    void hookLinesAreReadWithoutPicocliAndNameOnlyComposeFiles() throws Exception {
        Pattern hookFiles = composeHookFiles();
        Random random = new Random(20261124L);
        List<String[]> lines = new ArrayList<>();
        // The hooks' own lines (with the args README shows) first, then generated ones.
        lines.add(new String[] {"lint", "compose.yaml"});
        lines.add(new String[] {"lint", "--fail-on", "error", "compose.yaml", "sub/docker-compose.yml"});
        lines.add(new String[] {"rewrite", "--in-place", "compose.yaml", "x/compose.override.yaml"});
        for (int i = 0; i < 3000; i++) {
            String[] line = new String[1 + random.nextInt(6)];
            line[0] = random.nextInt(10) == 0 ? "plan" : random.nextBoolean() ? "lint" : "rewrite";
            for (int k = 1; k < line.length; k++) {
                line[k] = WORDS.get(random.nextInt(WORDS.size()));
            }
            lines.add(line);
        }
        List<Boolean> hook = hookLine(lines);
        assertTrue(hook.get(0) && hook.get(1) && hook.get(2), "the hooks' own lines get the hooks' archive");
        int hooks = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            if (!hook.get(i)) {
                continue;
            }
            hooks++;
            String shown = String.join(" ", line);
            assertNotNull(PlainLine.command(QUIET, null, line), "a hook line picocli would read: " + shown);
            for (int k = 1; k < line.length; k++) {
                if (!line[k].startsWith("-") && !(k > 1 && line[k - 1].equals("--fail-on"))) {
                    assertTrue(hookFiles.matcher(line[k]).find(), "a file the compose hooks do not take: " + shown);
                }
            }
        }
        // Not everything: a line with another option, a script or another command gets the whole archive.
        assertTrue(hooks > 100 && hooks < lines.size() / 2, hooks + " of " + lines.size() + " lines");
        List<Boolean> others = hookLine(List.of(new String[] {"lint", "--format", "json", "compose.yaml"},
                new String[] {"lint", "deploy.sh"}, new String[] {"lint", "compose.yaml", "Makefile"},
                new String[] {"rewrite", "--fail-on", "error", "compose.yaml"}, new String[] {"plan", "compose.yaml"},
                new String[] {"lint", "--fail-on"}, new String[] {"lint", "stack.yml"}, new String[] {"lint"},
                new String[] {"rewrite", "--check"}));
        assertEquals(List.of(false, false, false, false, false, false, false, false, false), others);
    }

    /** The {@code files} pattern of the hooks on compose files, from {@code .pre-commit-hooks.yaml}. */
    private static Pattern composeHookFiles() throws Exception {
        String hooks = Files.readString(Repo.root().resolve(".pre-commit-hooks.yaml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("- id: composefix\\n(?:  .*\\n)*?  files: (.*)\\n").matcher(hooks);
        assertTrue(m.find(), "the composefix hook's files pattern");
        return Pattern.compile(m.group(1).strip());
    }

    /** What the launcher's {@code hook_line} says of each line, run by bash from the launcher's own text. */
    private static List<Boolean> hookLine(List<String[]> lines) throws Exception {
        String launcher = Files.readString(Repo.root().resolve("composefix"), StandardCharsets.UTF_8);
        int from = launcher.indexOf("\nhook_line() {");
        int to = launcher.indexOf("\nhook=0\n");
        assertTrue(from > 0 && to > from, "the launcher defines hook_line, then sets hook=0");
        StringBuilder script = new StringBuilder("set -euo pipefail\n").append(launcher, from + 1, to + 1);
        // One line per input line, its words separated by tabs (none holds a tab or a newline).
        script.append("while IFS=$'\\t' read -r -a words; do\n")
                .append("  if hook_line \"${words[@]}\"; then echo 1; else echo 0; fi\n")
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
        List<Boolean> said = new ArrayList<>();
        for (String s : out.split("\n")) {
            assertTrue(s.equals("0") || s.equals("1"), "bash printed: " + s);
            said.add(s.equals("1"));
        }
        assertEquals(lines.size(), said.size(), out);
        return said;
    }
}
