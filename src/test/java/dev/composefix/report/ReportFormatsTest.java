package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads every golden back with a real parser (JSON with Jackson, XML with the JDK's parser, the line
 * formats with their grammar) and checks that all formats report the same findings in the same order
 * (JUnit groups them by rule, so there only the set is compared), with the same positions.
 */
class ReportFormatsTest {

    /** One finding as every format can state it. */
    record Item(String file, int line, String rule) {
    }

    /** One finding with its code-point column, for the formats that give one. */
    record Located(String file, int line, int column, String rule) {
    }

    private static String golden(Format f) throws Exception {
        return Files.readString(ReportGoldens.golden(f), StandardCharsets.UTF_8);
    }

    private static JsonNode json(Format f) throws Exception {
        return new ObjectMapper().readTree(golden(f));
    }

    private static Document xml(Format f) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(golden(f).getBytes(StandardCharsets.UTF_8)));
    }

    /** The reference: the JSON report. */
    private static List<Located> reference() throws Exception {
        List<Located> out = new ArrayList<>();
        for (JsonNode f : json(Format.JSON).get("findings")) {
            out.add(new Located(f.get("file").asText(), f.get("line").asInt(), f.get("column").asInt(),
                    f.get("rule").asText()));
        }
        assertTrue(out.size() > 10, "the stack has many findings");
        return out;
    }

    private static List<Item> items(List<Located> located) {
        return located.stream().map(l -> new Item(l.file(), l.line(), l.rule())).toList();
    }

    @Test
    void textAndGithubAndCheckstyleAndSarifGiveTheSamePositionsInTheSameOrder() throws Exception {
        List<Located> expected = reference();
        List<Located> text = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(\\S.*?):(\\d+):(\\d+): (error|warning|info) (\\S+) ").matcher(golden(Format.TEXT));
        while (m.find()) {
            text.add(new Located(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(5)));
        }
        assertEquals(expected, text, "text");

        List<Located> github = new ArrayList<>();
        Matcher g = Pattern.compile("(?m)^::(error|warning|notice) file=([^,]*),line=(\\d+),endLine=\\d+,col=(\\d+),"
                + "endColumn=\\d+,title=(\\S+) \\(CF\\d+\\)::").matcher(golden(Format.GITHUB));
        while (g.find()) {
            github.add(new Located(g.group(2), Integer.parseInt(g.group(3)), Integer.parseInt(g.group(4)), g.group(5)));
        }
        assertEquals(expected, github, "github");
        assertEquals(expected.size(), golden(Format.GITHUB).lines().count(), "one workflow command per finding");

        List<Located> checkstyle = new ArrayList<>();
        NodeList files = xml(Format.CHECKSTYLE).getElementsByTagName("file");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            NodeList errors = file.getElementsByTagName("error");
            for (int j = 0; j < errors.getLength(); j++) {
                Element e = (Element) errors.item(j);
                checkstyle.add(new Located(file.getAttribute("name"), Integer.parseInt(e.getAttribute("line")),
                        Integer.parseInt(e.getAttribute("column")), e.getAttribute("source").replace("composefix.", "")));
            }
        }
        assertEquals(expected, checkstyle, "checkstyle");

        JsonNode run = json(Format.SARIF).get("runs").get(0);
        List<Located> sarif = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            String uri = URLDecoder.decode(loc.get("artifactLocation").get("uri").asText().replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            String rule = run.get("tool").get("driver").get("rules").get(r.get("ruleIndex").asInt()).get("name").asText();
            assertEquals(r.get("ruleId").asText(), run.get("tool").get("driver").get("rules")
                    .get(r.get("ruleIndex").asInt()).get("id").asText(), "ruleIndex points at the result's rule");
            sarif.add(new Located(uri, loc.get("region").get("startLine").asInt(),
                    loc.get("region").get("startColumn").asInt(), rule));
        }
        assertEquals(expected, sarif, "sarif");
    }

    @Test
    void codeclimateRdjsonMarkdownAndJunitGiveTheSameFindings() throws Exception {
        List<Item> expected = items(reference());
        List<Item> codeclimate = new ArrayList<>();
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : json(Format.CODECLIMATE)) {
            codeclimate.add(new Item(issue.get("location").get("path").asText(),
                    issue.get("location").get("lines").get("begin").asInt(), issue.get("check_name").asText()));
            assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "fingerprints are unique: " + issue);
        }
        assertEquals(expected, codeclimate, "codeclimate");

        List<Item> rdjson = new ArrayList<>();
        JsonNode diagnostics = json(Format.RDJSON).get("diagnostics");
        List<JsonNode> json = new ArrayList<>();
        json(Format.JSON).get("findings").forEach(json::add);
        for (int i = 0; i < diagnostics.size(); i++) {
            JsonNode d = diagnostics.get(i);
            assertEquals(json.get(i).get("code").asText(), d.get("code").get("value").asText());
            rdjson.add(new Item(d.get("location").get("path").asText(),
                    d.get("location").get("range").get("start").get("line").asInt(), json.get(i).get("rule").asText()));
        }
        assertEquals(expected, rdjson, "rdjson");

        List<Item> markdown = new ArrayList<>();
        String file = null;
        for (String line : golden(Format.MARKDOWN).lines().toList()) {
            Matcher summary = Pattern.compile("^<summary><code>(.*)</code>").matcher(line);
            if (summary.find()) {
                file = summary.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            }
            Matcher item = Pattern.compile("^- :\\w+: \\[line (\\d+)]\\([^)]*#L\\1(-L\\d+)?\\) \\*\\*(\\S+)\\*\\*: ")
                    .matcher(line);
            if (item.find()) {
                markdown.add(new Item(file, Integer.parseInt(item.group(1)), item.group(3)));
            }
        }
        assertEquals(expected, markdown, "markdown");

        Set<String> junit = new TreeSet<>();
        NodeList cases = xml(Format.JUNIT).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            if (failures.getLength() == 0) {
                continue;
            }
            for (String line : failures.item(0).getTextContent().split("\n")) {
                junit.add(c.getAttribute("classname") + " " + line.substring(0, line.indexOf(':')) + " "
                        + c.getAttribute("name").split(" ")[1]);
            }
        }
        Set<String> expectedSet = new TreeSet<>();
        for (Item i : expected) {
            expectedSet.add(i.file() + " " + i.line() + " " + i.rule());
        }
        assertEquals(expectedSet, junit, "junit");
    }

    @Test
    void junitCountsAddUpAndCleanRulesPass() throws Exception {
        Document doc = xml(Format.JUNIT);
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        int tests = doc.getElementsByTagName("testcase").getLength();
        int failures = doc.getElementsByTagName("failure").getLength();
        assertEquals(String.valueOf(tests), suites.getAttribute("tests"));
        assertEquals(String.valueOf(failures), suites.getAttribute("failures"));
        assertTrue(tests > failures, "rules that found nothing pass");
        assertTrue(suites.getTextContent().contains("3:3 error duplicate key 'a<b>&c%,:'"),
                "markup in messages survives escaping");
    }

    @Test
    void rdjsonColumnsCountUtf8BytesAndSarifColumnsCodePoints() throws Exception {
        // Line 25 of the stack has a three-byte character before 'docker rm -f'.
        JsonNode force = null;
        for (JsonNode d : json(Format.RDJSON).get("diagnostics")) {
            if (d.get("code").get("value").asText().equals("CF105")) {
                force = d;
            }
        }
        int cp = reference().stream().filter(l -> l.rule().equals("force-remove")).findFirst().orElseThrow().column();
        assertEquals(cp + 2, force.get("location").get("range").get("start").get("column").asInt());
        assertEquals("unicodeCodePoints", json(Format.SARIF).get("runs").get(0).get("columnKind").asText());
    }
}
