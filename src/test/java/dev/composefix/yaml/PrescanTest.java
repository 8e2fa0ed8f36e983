package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.corpus.MutationFuzzTest;
import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.YamlishText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Prescan} counts keys and measures scalars before the parser runs. It must never count more
 * keys, nor measure a longer scalar, than the parser finds in a file that loads (else a good file could
 * be refused), and it must find nearly all keys in ordinary files (else a file of too many keys would
 * slip past it to the slow path).
 */
class PrescanTest {

    /**
     * What the parser found in a loaded document: its keys as written (every mapping entry, aliases not
     * followed) and the length of its longest scalar, key or value.
     */
    static Prescan.Totals parsed(YamlDocument doc) {
        int keys = 0;
        int longest = 0;
        Deque<YNode> todo = new ArrayDeque<>();
        if (doc.root() != null) {
            todo.push(doc.root());
        }
        while (!todo.isEmpty()) {
            YNode n = todo.pop();
            if (n instanceof YMapping m) {
                keys += m.entries().size();
                for (YEntry e : m.entries()) {
                    todo.push(e.key());
                    todo.push(e.value());
                }
            } else if (n instanceof YSequence s) {
                s.items().forEach(todo::push);
            } else if (n instanceof YScalar s) {
                longest = Math.max(longest, s.value().length());
            }
        }
        return new Prescan.Totals(keys, longest);
    }

    /** What the scan counts of a text and what the parser finds in it. */
    private record Compared(Prescan.Totals scanned, Prescan.Totals parsed) {
    }

    /** Checks that the scan never counts more than the parser finds; null when the text does not load. */
    private static Compared compare(String text, String source, String context) {
        YamlDocument doc;
        try {
            doc = new YamlLoader().load(source, text);
        } catch (YamlException e) {
            return null;
        }
        // The loader takes a leading U+FEFF for a byte-order mark and scans what follows it.
        Prescan.Totals scanned = Prescan.totals(text.startsWith("\uFEFF") ? text.substring(1) : text);
        Prescan.Totals real = parsed(doc);
        assertTrue(scanned.keys() <= real.keys(), () -> "counted " + scanned.keys() + " keys, the parser found "
                + real.keys() + "; " + context + "\n" + text);
        assertTrue(scanned.longest() <= real.longest(), () -> "measured a scalar of " + scanned.longest()
                + " characters, the longest the parser found has " + real.longest() + "; " + context + "\n" + text);
        return new Compared(scanned, real);
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', textBlock = """
            plain keys and nesting                  ## a: 1\\nb:\\n  c: 2\\n  e:\\n  - d: 3\\n      ## 5
            a block scalar hides its lines          ## a: |\\n  k: v\\n  j: w\\nb: 1\\n                  ## 2
            an explicit indentation indicator       ## a: >2\\n    k: v\\n  j: w\\nb: 1\\n               ## 2
            a block scalar in a sequence            ## - |\\n  k: v\\n- b: 1\\n                         ## 1
            a header on its own line                ## a:\\n  |\\n  k: v\\nb: 1\\n                        ## 2
            an empty block scalar                   ## a: |\\nb: 1\\n                                  ## 2
            a double-quoted scalar over lines       ## a: "x\\nk: v \\" still\\n"\\nb: 1\\n            ## 2
            a single-quoted scalar over lines       ## a: 'it''s\\n  k: v'\\nb: 1\\n                      ## 2
            a flow mapping over lines               ## a: {b: 1,\\n  c: [d, {e: 2}],\\n  "f":3}\\ng: 1\\n ## 6
            a flow sequence of one-pair mappings    ## a: [b: 1, c: 2, http://x]\\n                     ## 3
            a plain scalar over lines               ## a: some\\n  "text\\nb: "x"\\n                      ## 2
            a plain value on the line below its key ## a:\\n  some\\n  "text\\nb: 1\\n                    ## 2
            comments                                ## # k: v\\na: 1 # b: 2\\nc: "#: 3"\\n               ## 2
            colons inside values                    ## url: http://x:80/a\\nt: 1:2\\n                    ## 2
            quoted keys                             ## "a b": 1\\n'c': 2\\n- "d": 3\\n                   ## 3
            anchors and tags                        ## a: &x\\n  b: 1\\nc: !t\\n  d: 2\\ne: *x\\n          ## 5
            a root block scalar                     ## --- |\\n k: v\\n                                 ## 0
            a flow mapping after a document marker  ## --- {a: 1, b: 2}\\n                              ## 2
            explicit keys are not counted           ## ? a\\n: b\\n                                     ## 0
            a key after tabs is not counted         ## a:\\n\\tb: 1\\n                                   ## 1
            CRLF line ends                          ## a: |\\r\\n  k: v\\r\\nb: 1\\r\\n                 ## 2
            """)
    void countsWhatItIsSureOf(String name, String text, int expected) {
        String yaml = unescape(text.strip()).replace("\\r", "\r");
        assertEquals(expected, Prescan.totals(yaml).keys(), () -> name + ":\n" + yaml);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', textBlock = """
            a plain value                           ## a: abc def  # comment\\n                  ## 7
            a plain value over lines                ## a: abc\\n  defg hi\\n  # c\\nb: 1\\n       ## 10
            a long key                              ## abcdefgh: 1\\n                              ## 8
            a literal block scalar                  ## a: |\\n  abcd\\n\\n    efg\\nb: 1\\n         ## 7
            a folded block scalar in a sequence     ## - >-\\n  abc\\n  de\\n- x\\n                   ## 5
            a header whose scalar is empty          ## - a: |\\n  b: cdefghij\\n                   ## 8
            escapes in double quotes                ## a: "\\x41\\u00e9\\U0001F600\\"."\\n      ## 5
            doubled single quotes                   ## a: 'it''s'\\n                                ## 4
            a double-quoted scalar over lines       ## a: "abc\\n   def  \\n gh"\\n              ## 8
            a plain scalar in flow                  ## a: [abc def, ghij]\\n                       ## 6
            a quoted scalar in flow over lines      ## a: {b: "cde\\n  fgh"}\\n                   ## 6
            """)
    void measuresScalarsByWhatItIsSureOf(String name, String text, long expected) {
        String yaml = unescape(text.strip());
        assertEquals(expected, Prescan.totals(yaml).longest(), () -> name + ":\n" + yaml);
    }

    @Test
    void aValueOverTheLimitIsNamedWhereItStartsBeforeTheParserReadsOn() {
        for (String value : List.of("x".repeat(5000), "\"" + "y".repeat(5000) + "\"",
                "|\n" + "      line of text\n".repeat(600), "first\n" + "      and more\n".repeat(600))) {
            String text = "services:\n  a:\n    image: " + value + "\n  b: [unclosed\n";
            YamlLimits limits = new YamlLimits(1 << 20, 64, 1_000_000, 4, 1000, 4096);
            YamlException e = assertThrows(YamlException.class, () -> new YamlLoader(limits).load("f.yaml", text));
            assertEquals("a value over the limit of 4096 characters", e.getMessage());
            assertEquals(new Position(3, 12, text.indexOf("image: ") + 7, "f.yaml"), e.position());
        }
    }

    @Test
    void theLimitIsNamedAtTheFirstKeyPastItBeforeTheParserReadsOn() {
        StringBuilder b = new StringBuilder("services:\n  a:\n    labels: {");
        for (int i = 0; i < 1500; i++) {
            b.append(i == 0 ? "" : ", ").append("k").append(i).append(": v");
        }
        // A syntax error after the keys: the parser would name it, but the key count comes first.
        b.append("}\n  b: [unclosed\n");
        String text = b.toString();
        YamlLimits limits = new YamlLimits(1 << 20, 64, 1_000_000, 4, 1000, 1 << 16);
        YamlException e = assertThrows(YamlException.class, () -> new YamlLoader(limits).load("f.yaml", text));
        assertEquals("more than 1000 keys in the file", e.getMessage());
        // services, a and labels are three keys, so the 1001st is k997.
        int at = text.indexOf("k997:");
        assertEquals(new Position(3, at - text.indexOf("    labels") + 1, at, "f.yaml"), e.position());
    }

    static Stream<Long> seeds() {
        return Seeds.of(31L, 1500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverCountsMoreThanTheParserFinds(long seed) throws Exception {
        String replay = Seeds.replay(seed);
        compare(YamlishText.generate(seed), "t.yaml", replay);
        compare(ComposeStackGenerator.generate(seed), "t.yaml", replay);
        List<Path> inputs = MutationFuzzTest.inputs();
        Random r = new Random(seed);
        Path input = inputs.get(r.nextInt(inputs.size()));
        byte[] mutant = MutationFuzzTest.mutate(Files.readAllBytes(input), r, new StringBuilder());
        compare(new String(mutant, StandardCharsets.UTF_8), "t.yaml", replay + " on a mutant of " + input);
    }

    @Test
    void findsNearlyEveryKeyOfRealFiles() throws Exception {
        long parsed = 0;
        long counted = 0;
        for (Path p : MutationFuzzTest.inputs()) {
            Compared found = compare(new String(Files.readAllBytes(p), StandardCharsets.UTF_8), p.toString(),
                    p.toString());
            if (found != null) {
                counted += found.scanned().keys();
                parsed += found.parsed().keys();
            }
        }
        assertTrue(parsed > 10_000, "keys parsed: " + parsed);
        assertTrue(counted >= parsed * 0.99, "counted " + counted + " of " + parsed + " keys");
    }
}
