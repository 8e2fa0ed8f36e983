package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and odd files through the whole CLI: each gets a result or a clear parse-error naming the
 * file, line and column (exit 2), never an internal error or a stack trace, from lint and rewrite.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    /** Name, bytes, and the parse error expected ("line:col: message start"), or null for a result. */
    static Stream<Arguments> cases() {
        String alias = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + chain();
        return Stream.of(
                Arguments.of("empty", bytes(""), null),
                Arguments.of("only comments", bytes("# nothing\n# here\n"), null),
                Arguments.of("services null", bytes("services: null\n"), null),
                Arguments.of("service is a list", bytes("services:\n  web:\n    - image: x\n"), null),
                Arguments.of("service is a scalar", bytes("services:\n  web: nginx\n"), null),
                Arguments.of("keys that are not strings", bytes("services:\n  1: {image: a:1}\n  [x]: {image: b:1}\n"
                        + "  ? {k: v}\n  : {image: c:1}\n  null: {image: d:1}\n  true: {image: e:1}\n"), null),
                Arguments.of("huge numbers", bytes("services:\n  web:\n    image: a:1\n    mem_limit: "
                        + "99999999999999999999999999\n    cpus: 1e999\n    pids_limit: -99999999999999999999\n"
                        + "    ulimits: {nofile: 123456789012345678901234567890}\n"), null),
                Arguments.of("odd values", bytes("services:\n  web:\n    image: a:1\n    cpus: \"abc\"\n"
                        + "    mem_limit: -1\n    stop_grace_period: 1h2m3s4ms\n    healthcheck:\n"
                        + "      test: [CMD, 'true']\n      interval: 1h2m3s4ms\n      timeout: -5s\n"
                        + "      retries: many\n"), null),
                Arguments.of("values only known after interpolation", bytes("services:\n  web:\n"
                        + "    image: ${IMAGE:?set IMAGE}\n    mem_limit: ${MEM}\n    cpus: ${CPUS:-lots}\n"
                        + "    ports: [\"${PORT}:80\"]\n    depends_on: [\"${DB}\"]\n    healthcheck:\n"
                        + "      interval: ${INTERVAL:-}\n"), null),
                Arguments.of("second document", bytes("services: {}\n---\nservices: {}\n"),
                        "2:1: a second YAML document"),
                Arguments.of("tab indentation", bytes("services:\n  web:\n\timage: x\n"), "3:1: found character '\\t(TAB)'"),
                Arguments.of("NUL byte", bytes("services:\n  web:\n    image: x\u0000\n"), "3:13: NUL character"),
                Arguments.of("lone CR", bytes("services:\r  web:\r    image: x\r"), "1:10: carriage return without"),
                Arguments.of("NEL", bytes("services:\n  web:\u0085    image: x\n"), "2:7: U+0085 (next line) in the file"),
                Arguments.of("line separator", bytes("services:\n  web:\n    image: \"x\u2028y\"\n"),
                        "3:14: U+2028 (line separator) in the file: YAML readers disagree"),
                Arguments.of("paragraph separator", bytes("# a\u2029b\nservices: {}\n"), "1:4: U+2029 (paragraph separator)"),
                Arguments.of("UTF-16", "services: {}\n".getBytes(StandardCharsets.UTF_16), "1:1: file is encoded in UTF-16"),
                Arguments.of("UTF-32", new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'a'},
                        "1:1: file is encoded in UTF-32"),
                Arguments.of("invalid UTF-8", new byte[] {'a', ':', ' ', (byte) 0xC3, '(', '\n'},
                        "1:4: invalid UTF-8: byte 0xC3 at byte offset 3"),
                Arguments.of("alias bomb", bytes(alias), "aliases expand to more than"),
                Arguments.of("deep flow nesting", bytes("a: " + "[".repeat(50_000) + "\n"), "1:259: collections nested"),
                Arguments.of("deep block nesting", bytes(deepBlock()), "257:257: collections nested"),
                Arguments.of("many documents", bytes("---\n".repeat(1000)), "17:1: more than 16 YAML documents"),
                Arguments.of("self-referencing alias", bytes("a: &a [*a]\n"), "1:8: alias *a refers to a node"),
                Arguments.of("unknown alias", bytes("services:\n  web: *nope\n"), "2:8: alias *nope refers to no anchor"));
    }

    private static String chain() {
        StringBuilder b = new StringBuilder();
        String prev = "a";
        for (String n : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
            b.append(n).append(": &").append(n).append(" [*").append(prev);
            for (int k = 1; k < 10; k++) {
                b.append(", *").append(prev);
            }
            b.append("]\n");
            prev = n;
        }
        return b.toString();
    }

    private static String deepBlock() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append(" ".repeat(i)).append("k:\n");
        }
        return b.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aResultOrAClearError(String name, byte[] content, String error) throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, content);
        CliRun lint = CliRun.run("lint", "--ignore-environment", f.toString());
        String all = lint.out() + lint.err();
        assertFalse(all.contains("internal error") || all.contains("Exception") || all.contains("\tat "), all);
        if (error == null) {
            assertTrue(lint.exit() == 0 || lint.exit() == 1, "exit " + lint.exit() + ": " + all);
        } else {
            assertEquals(2, lint.exit(), all);
            String expected = error.matches("^\\d+:\\d+: .*")
                    ? f + ":" + error.substring(0, error.indexOf(": ")) + ": error parse-error "
                            + error.substring(error.indexOf(": ") + 2)
                    : "error parse-error " + error;
            assertTrue(lint.out().contains(expected), "expected '" + expected + "' in:\n" + all);
        }
        CliRun rewrite = CliRun.run("rewrite", "--ignore-environment", f.toString());
        String r = rewrite.out() + rewrite.err();
        assertFalse(rewrite.err().contains("internal error") || rewrite.err().contains("Exception"), r);
        assertEquals(error == null ? 0 : 2, rewrite.exit(), rewrite.err());
        if (error != null) {
            assertTrue(rewrite.err().contains("error parse-error"), rewrite.err());
        }
    }
}
