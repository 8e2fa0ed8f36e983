package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GitHub workflow commands: escaping, severities, one line per finding. */
class GithubReporterTest {

    @Test
    void escapesDataAndPropertiesAsGithubRequires() {
        assertEquals("100%25 sure%0Anext%0D%0Aline: a, b", GithubReporter.data("100% sure\nnext\r\nline: a, b"));
        assertEquals("a%3Ab%2Cc%25d%0A", GithubReporter.property("a:b,c%d\n"));
    }

    @Test
    void everyFindingIsOneCommandLine() {
        Report r = Lint.report("we,ird:dir/compose.yaml", "services:\n  web:\n    image: nginx\n"
                + "    command: sh -c \"docker kill web\"\n  x: [1]\n");
        String out = Lint.render(Format.GITHUB, r);
        assertEquals(r.findings().size(), out.lines().count(), out);
        for (String line : out.lines().toList()) {
            assertTrue(line.matches("::(error|warning|notice) file=we%2Cird%3Adir/compose\\.yaml,line=\\d+,endLine=\\d+,"
                    + "col=\\d+,endColumn=\\d+,title=[a-z-]+ \\(CF\\d+\\)::[^\\n]+"), line);
        }
        assertTrue(out.contains("::error "), out);
        assertTrue(out.contains("%0Afix: "), "fixes follow the message on a second line: " + out);
    }

    @Test
    void anEmptyRangeIsShownAsOneCharacter() {
        Report r = Lint.report("compose.yaml", "services:\n  a: {image: x}\n  a: {image: y}\n");
        String out = Lint.render(Format.GITHUB, r);
        assertTrue(out.startsWith("::error file=compose.yaml,line=3,endLine=3,col=3,endColumn=4,title=parse-error"), out);
    }
}
