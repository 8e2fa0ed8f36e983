package dev.composefix.rewrite;

import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rewrite invariants over generated stacks made more unusual still: a comment line between every
 * pair of lines (indented like the line after it), long strings in every block service (a variable and
 * a label of thousands of characters, plain, single- or double-quoted) and a long top-level extension
 * value, on top of what the generator varies (anchors, flow services, quoted keys, CRLF).
 */
class UnusualStackPropertyTest {

    private static final Pattern SERVICE = Pattern.compile("^( +)(\"?svc[0-9]+\"?):$");

    static Stream<Long> seeds() {
        return Seeds.of(10L, 300);
    }

    /** The generated stack with comments between all lines and long strings in it. */
    static String dress(String text, long seed) {
        Random r = new Random(seed);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        boolean finalBreak = text.endsWith(eol);
        String[] lines = (finalBreak ? text.substring(0, text.length() - eol.length()) : text).split(eol, -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.add(indent(line) + "# between " + i + " and " + (i + 1));
            }
            out.add(line);
            Matcher m = SERVICE.matcher(line);
            if (m.matches() && i + 1 < lines.length) {
                String in = indent(lines[i + 1]);
                String word = "long" + seed;
                String value = (word + " ").repeat(200 + r.nextInt(800)).strip();
                out.add(in + "environment:");
                out.add(in + "  LONG_TEXT: " + quoted(value, r));
                out.add(in + "labels:");
                out.add(in + "  com.example.long: " + quoted(value + value, r));
            }
        }
        out.add("x-long: " + quoted("z".repeat(5000 + r.nextInt(5000)), r));
        String joined = String.join(eol, out);
        return finalBreak ? joined + eol : joined;
    }

    private static String quoted(String value, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> value;
            case 1 -> "'" + value + "'";
            default -> "\"" + value + "\"";
        };
    }

    private static String indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(0, n);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unusualStacksKeepTheInvariants(long seed) {
        String text = dress(ComposeStackGenerator.generate(seed), seed);
        RewriteResult r = RewriteInvariants.check("unusual.yaml", text.getBytes(StandardCharsets.UTF_8),
                Seeds.replay(seed) + "\ninput:\n" + text);
        Assertions.assertNotNull(r, () -> "the generator made a file that does not parse: " + Seeds.replay(seed)
                + "\n" + text);
    }
}
