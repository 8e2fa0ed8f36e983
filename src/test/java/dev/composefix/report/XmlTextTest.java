package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Any text, escaped, makes well-formed XML that the JDK's parser reads back unchanged (bar forbidden characters). */
class XmlTextTest {

    private static final String ALPHABET = "aZ09 <>&\"'\t\n\r;:,%#]]>\u0000\u0001\u001b\u007f\u00e9\u2028\uFFFE\uFFFF"
            + "\uD83D\uDE00\uD800\uDC00";

    static java.util.stream.Stream<Long> seeds() {
        return Seeds.of(9, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void escapedTextRoundTrips(long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(40); i > 0; i--) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        String text = s.toString();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r a=\"" + XmlText.attribute(text) + "\" b='"
                + XmlText.attribute(text) + "'>" + XmlText.content(text) + "</r>\n";
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        String expected = representable(text);
        assertEquals(expected, root.getAttribute("a"), Seeds.replay(seed));
        assertEquals(expected, root.getAttribute("b"), Seeds.replay(seed));
        // Element content: a parser turns CR LF and lone CR into LF; &#13; keeps a CR.
        assertEquals(expected, root.getTextContent(), Seeds.replay(seed));
    }

    /** What XML 1.0 can carry of {@code s}: forbidden characters as U+FFFD. */
    private static String representable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE
                    && c != 0xFFFF) {
                b.append(c);
            } else {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }
}
