package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.CliRun;
import dev.composefix.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the command line prints about itself: the help of every command, the version, and the messages
 * for mistakes on the command line (exit 2), compared with {@code fixtures/cli/NAME.txt}, so that a change
 * to how the commands are declared cannot change a byte of it. The goldens were made from the commands
 * as picocli annotations declared them. {@code -Dcomposefix.updateGoldens=true} rewrites them.
 */
class CliTextGoldenTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                c("help", "--help"),
                c("help-short", "-h"),
                c("version", "--version"),
                c("version-short", "-V"),
                c("no-command"),
                c("unknown-command", "lnt", "x.yml"),
                c("unknown-option", "--nope"),
                c("lint-help", "lint", "--help"),
                c("lint-version", "lint", "-V"),
                c("lint-unknown-option", "lint", "--no-such-option", "x.yml"),
                c("lint-unknown-format", "lint", "--format", "nope", "x.yml"),
                c("lint-missing-value", "lint", "--only"),
                c("lint-bad-number", "lint", "--host-cpus", "abc", "x.yml"),
                c("lint-bad-path", "lint", "--config", "a\u0000b", "x.yml"),
                c("rewrite-help", "rewrite", "--help"),
                c("rewrite-unknown-option", "rewrite", "-x", "x.yml"),
                c("rewrite-missing-value", "rewrite", "x.yml", "-o"),
                c("rewrite-boolean-value", "rewrite", "--diff=maybe", "x.yml"),
                c("plan-help", "plan", "--help"),
                c("plan-too-many", "plan", "a.yml", "b.yml"),
                c("rules-help", "rules", "-h"),
                c("rules-positional", "rules", "extra"),
                c("explain-help", "explain", "--help"),
                c("explain-missing", "explain"),
                c("explain-too-many", "explain", "a", "b"));
    }

    private static Arguments c(String name, String... args) {
        return Arguments.of(name, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatItPrinted(String name, List<String> args) throws Exception {
        CliRun r = CliRun.run(args.toArray(String[]::new));
        String actual = "args: " + String.join(" ", args) + "\nexit: " + r.exit() + "\n--- stdout\n"
                + r.out().replace(Main.version(), "VERSION") + "--- stderr\n" + r.err();
        Path golden = Repo.fixtures().resolve("cli/" + name + ".txt");
        if (Boolean.getBoolean("composefix.updateGoldens")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
    }
}
