package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    private static YamlDocument load(String text) throws YamlException {
        return new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8));
    }

    private static YMapping root(String text) throws YamlException {
        return (YMapping) load(text).root();
    }

    @Test
    void keysAndValuesHaveExactStartAndEnd() throws Exception {
        String text = "services:\n  web:\n    image: \"nginx:1.27\"\n";
        YamlDocument doc = load(text);
        YMapping services = (YMapping) ((YMapping) doc.root()).value("services");
        YMapping web = (YMapping) services.value("web");
        YEntry webEntry = services.get("web");
        assertEquals(new Position(2, 3, 12), webEntry.key().start());
        assertEquals(new Position(2, 6, 15), webEntry.key().end());
        YEntry image = web.get("image");
        YScalar value = (YScalar) image.value();
        assertEquals("nginx:1.27", value.value());
        assertEquals(YScalar.Style.DOUBLE_QUOTED, value.style());
        assertEquals(new Position(3, 12, 28), value.start());
        assertEquals(new Position(3, 24, 40), value.end());
        assertEquals("\"nginx:1.27\"", text.substring(value.start().offset(), value.end().offset()));
    }

    @Test
    void columnsCountCodePointsAndOffsetsCountChars() throws Exception {
        String text = "a: \"\uD83D\uDE00\"\nb: x\n";
        YMapping m = root(text);
        YScalar a = (YScalar) m.value("a");
        assertEquals(3, a.start().offset());
        assertEquals(4, a.start().column());
        assertEquals(7, a.end().offset()); // quote, two UTF-16 chars, quote
        assertEquals(7, a.end().column()); // quote, one code point, quote
        YScalar b = (YScalar) m.value("b");
        assertEquals(new Position(2, 4, 11), b.start());
        assertEquals("x", text.substring(b.start().offset(), b.end().offset()));
    }

    @Test
    void crlfLineEndingsKeepOffsetsIntoTheOriginalText() throws Exception {
        String text = "a: 1\r\nb: two\r\n";
        YScalar b = (YScalar) root(text).value("b");
        assertEquals("two", text.substring(b.start().offset(), b.end().offset()));
        assertEquals(2, b.start().line());
    }

    @Test
    void byteOrderMarkIsReadAndRemembered() throws Exception {
        byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);
        YamlDocument doc = new YamlLoader().load(bytes);
        assertTrue(doc.bom());
        assertEquals("a: 1\n", doc.text());
        assertEquals(new Position(1, 1, 0), ((YMapping) doc.root()).entries().get(0).key().start());
    }

    @Test
    void commentsAreKeptWithPositionsAndPlacement() throws Exception {
        String text = "# head\nservices:  # trailing\n  web:\n    command: \"echo # not a comment\"\n"
                + "    # own line\n    image: x\n";
        YamlDocument doc = load(text);
        assertEquals(3, doc.comments().size());
        YComment head = doc.comments().get(0);
        assertEquals(" head", head.text());
        assertTrue(head.ownLine());
        YComment trailing = doc.comments().get(1);
        assertEquals(" trailing", trailing.text());
        assertFalse(trailing.ownLine());
        assertEquals(new Position(2, 12, 18), trailing.span().start());
        assertEquals(" own line", doc.comments().get(2).text());
        assertEquals(5, doc.comments().get(2).span().start().line());
    }

    @Test
    void scalarKindsFollowTheCoreSchema() throws Exception {
        YMapping m = root("i: 42\nf: 0.5\nb: true\nn: ~\ne:\ns: '42'\nt: yes\nh: 0x1F\n");
        assertEquals(YScalar.Kind.INT, ((YScalar) m.value("i")).kind());
        assertEquals(YScalar.Kind.FLOAT, ((YScalar) m.value("f")).kind());
        assertEquals(YScalar.Kind.BOOL, ((YScalar) m.value("b")).kind());
        assertEquals(YScalar.Kind.NULL, ((YScalar) m.value("n")).kind());
        assertEquals(YScalar.Kind.NULL, ((YScalar) m.value("e")).kind());
        assertEquals(YScalar.Kind.STRING, ((YScalar) m.value("s")).kind());
        assertEquals(YScalar.Kind.STRING, ((YScalar) m.value("t")).kind(), "YAML 1.2: yes is a string");
        assertEquals(YScalar.Kind.INT, ((YScalar) m.value("h")).kind());
    }

    @Test
    void aliasesStayNodesAndResolveToTheAnchor() throws Exception {
        YMapping m = root("a: &x {k: v}\nb: *x\n");
        YNode b = m.get("b").value();
        YAlias alias = assertInstanceOf(YAlias.class, b);
        assertEquals("x", alias.name());
        assertSame(m.value("a"), alias.resolve());
        assertEquals(new Position(2, 4, 16), alias.start());
    }

    @Test
    void mergeKeysApplyOwnKeysFirstThenEarlierSourcesWin() throws Exception {
        YMapping m = root("x: &a {p: 1, q: 1}\ny: &b {q: 2, r: 2}\nz:\n  <<: [*a, *b]\n  p: 0\n");
        YMapping z = (YMapping) m.value("z");
        assertEquals("0", ((YScalar) z.value("p")).value());
        assertEquals("1", ((YScalar) z.value("q")).value(), "the first merge source wins");
        assertEquals("2", ((YScalar) z.value("r")).value());
        YEntry inherited = z.get("r");
        assertTrue(z.inherited(inherited));
        assertEquals(2, inherited.key().start().line(), "an inherited value keeps the anchor's position");
        assertFalse(z.inherited(z.get("p")));
        assertNull(z.own("r"));
    }

    @Test
    void aYamlVersionOtherThanOneIsRefusedAtItsDirective() throws YamlException {
        YamlException e = assertThrows(YamlException.class, () -> load("# comment\n%YAML 2.0\n---\na: 1\n"));
        assertEquals("YAML 2.0 is not supported: composefix reads YAML 1.x", e.getMessage());
        assertEquals(2, e.position().line());
        assertEquals(1, e.position().column());
        assertEquals("1", ((YScalar) ((YMapping) load("%YAML 1.1\n---\na: 1\n").root()).get("a").value()).value());
        YamlException later = assertThrows(YamlException.class,
                () -> load("%YAML 1.2\n---\na: 1\n...\n%YAML  3.1\n---\nb: 2\n"));
        assertEquals("YAML 3.1 is not supported: composefix reads YAML 1.x", later.getMessage());
        assertEquals(5, later.position().line());
    }

    @Test
    void duplicateKeysAreParseErrorsAtTheSecondKey() {
        YamlException e = assertThrows(YamlException.class, () -> load("a: 1\nb: 2\na: 3\n"));
        assertEquals(3, e.position().line());
        assertTrue(e.getMessage().contains("duplicate key 'a'"), e.getMessage());
    }

    /**
     * Small mappings look for a repeated key entry by entry and larger ones in a map made at the ninth
     * key: every place of the first and the second occurrence, in mappings of 1 to 20 keys, block and
     * flow, and through an alias key, is found at the second, naming the first's line.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} keys")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 7, 8, 9, 10, 16, 20})
    void aRepeatedKeyIsFoundWhereverItIs(int size) throws YamlException {
        for (int first = 0; first < size; first++) {
            for (int second = first + 1; second <= size; second++) {
                StringBuilder block = new StringBuilder("x: &k k0\nm:\n");
                java.util.List<String> flow = new java.util.ArrayList<>();
                for (int i = 0; i <= size; i++) {
                    String key = i == second ? "k" + first : "k" + i;
                    block.append("  ").append(key).append(": ").append(i).append('\n');
                    flow.add(key + ": " + i);
                }
                int line = second + 3;
                int firstLine = first + 3;
                String text = block.toString();
                YamlException e = assertThrows(YamlException.class, () -> load(text), text);
                assertEquals(line, e.position().line(), text);
                assertTrue(e.getMessage().contains("duplicate key 'k" + first + "' (first defined at line " + firstLine + ")"),
                        e.getMessage());
                String inFlow = "m: {" + String.join(", ", flow) + "}\n";
                YamlException f = assertThrows(YamlException.class, () -> load(inFlow), inFlow);
                assertTrue(f.getMessage().contains("duplicate key 'k" + first + "'"), f.getMessage());
                if (first == 0) {
                    // The first key written as an alias of a scalar "k0": the same key.
                    String aliased = text.replaceFirst("\n  k0: 0\n", "\n  *k : 0\n");
                    YamlException a = assertThrows(YamlException.class, () -> load(aliased), aliased);
                    assertEquals(line, a.position().line(), aliased);
                }
            }
            // Without the repeat, the mapping loads with every key.
            StringBuilder ok = new StringBuilder("m:\n");
            for (int i = 0; i < size; i++) {
                ok.append("  k").append(i).append(": ").append(i).append('\n');
            }
            assertEquals(size, ((YMapping) ((YMapping) load(ok.toString()).root()).value("m")).entries().size());
        }
    }

    /** A short text written many times is held once (a large tree's memory), and reads as written. */
    @Test
    void repeatedShortTextsShareOneString() throws YamlException {
        String longValue = "x".repeat(40);
        YMapping services = (YMapping) ((YMapping) load("services:\n  a:\n    image: nginx\n    label: " + longValue
                + "\n  b:\n    image: 'nginx'\n    label: " + longValue + "\n").root()).value("services");
        YMapping a = (YMapping) services.value("a");
        YMapping b = (YMapping) services.value("b");
        assertSame(a.entries().get(0).keyText(), b.entries().get(0).keyText());
        YScalar plain = (YScalar) a.value("image");
        YScalar quoted = (YScalar) b.value("image");
        assertSame(plain.value(), quoted.value());
        assertEquals(YScalar.Style.SINGLE_QUOTED, quoted.style());
        assertEquals(longValue, ((YScalar) b.value("label")).value());
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        YamlException e = assertThrows(YamlException.class, () -> load("a:\n  b: [1, 2\nc: 3\n"));
        assertTrue(e.position().line() >= 2, e.position().toString());
    }

    @Test
    void otherEncodingsAreRejected() {
        byte[] utf16 = "a: 1\n".getBytes(StandardCharsets.UTF_16LE);
        YamlException e = assertThrows(YamlException.class, () -> new YamlLoader().load(utf16));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        byte[] utf32 = {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'a'};
        e = assertThrows(YamlException.class, () -> new YamlLoader().load(utf32));
        assertTrue(e.getMessage().contains("UTF-32"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheByteOffset() {
        byte[] bytes = {'a', ':', ' ', (byte) 0xC3, '(', '\n'};
        YamlException e = assertThrows(YamlException.class, () -> new YamlLoader().load(bytes));
        assertTrue(e.getMessage().contains("byte offset 3"), e.getMessage());
        assertEquals(new Position(1, 4, 3), e.position());
    }

    @Test
    void nulAndLoneCarriageReturnAreNamed() {
        assertThrows(YamlException.class, () -> load("a: 1\u0000\n"));
        YamlException e = assertThrows(YamlException.class, () -> load("a: 1\rb: 2\r"));
        assertEquals(new Position(1, 5, 4), e.position());
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        YamlException e = assertThrows(YamlException.class, () -> load(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        String deepBlock = "a:\n" + "  ".repeat(1) + "- ".repeat(5000) + "x\n";
        assertThrows(YamlException.class, () -> load(deepBlock));
    }

    @Test
    void manySmallAliasesLoadButAnAliasBombDoesNot() throws Exception {
        StringBuilder ok = new StringBuilder("x-base: &base {image: alpine, cpus: 1}\nservices:\n");
        for (int i = 0; i < 500; i++) {
            ok.append("  s").append(i).append(": *base\n");
        }
        assertEquals(500, ((YMapping) root(ok.toString()).value("services")).entries().size());
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (String n : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
            bomb.append(n).append(": &").append(n).append(" [");
            for (int k = 0; k < 10; k++) {
                bomb.append(k == 0 ? "" : ", ").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = n;
        }
        YamlException e = assertThrows(YamlException.class, () -> load(bomb.toString()));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void tenThousandServicesLoad() throws Exception {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("  svc").append(i).append(":\n    image: nginx:1.27\n    mem_limit: 64m\n");
        }
        YMapping services = (YMapping) root(b.toString()).value("services");
        assertEquals(10_000, services.entries().size());
        assertEquals(30_000, services.get("svc9999").value().end().line() - 1);
    }

    @Test
    void fileSizeLimitIsEnforced() {
        YamlLoader small = new YamlLoader(new YamlLimits(10, 256, 1000));
        YamlException e = assertThrows(YamlException.class,
                () -> small.load("a: 12345678901\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void secondDocumentIsRefusedButATrailingMarkerIsNot() throws Exception {
        assertThrows(YamlException.class, () -> load("a: 1\n---\nb: 2\n"));
        assertEquals("1", ((YScalar) root("---\na: 1\n---\n").value("a")).value());
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoRoot() throws Exception {
        assertNull(load("").root());
        YamlDocument doc = load("# only\n# comments\n");
        assertNull(doc.root());
        assertEquals(2, doc.comments().size());
    }
}
