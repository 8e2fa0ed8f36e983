package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull request comment: escaping, links, collapsing, the size limit; and where links point. */
class MarkdownReporterTest {

    private static String services(int n) {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < n; i++) {
            b.append("  s").append(i).append(":\n    image: nginx\n");
        }
        return b.toString();
    }

    @Test
    void cleanRunIsOneLine() {
        String out = new MarkdownReporter(null).render(Lint.report("compose.yaml",
                "services:\n  web: {image: nginx, mem_limit: 1g, cpus: 1}\n"));
        assertEquals("### composefix: no problems in 1 file\n", out);
    }

    @Test
    void textFromTheFileCannotBecomeMarkup() {
        assertEquals("a \\*b\\* \\_c\\_ &lt;/details&gt; \\[x\\](y) \\`z\\` \\| \\$m\\$ \\~s\\~ &amp; \\#1 \\\\ n",
                MarkdownReporter.inline("a *b* _c_ </details> [x](y) `z` | $m$ ~s~ & #1 \\ n"));
        assertEquals("a&lt;b&gt;&amp;&quot;", MarkdownReporter.html("a<b>&\""));
        Report r = Lint.report("compose.yaml", "services:\n  \"<b>*x*\":\n    image: nginx\n");
        String out = new MarkdownReporter(null).render(r);
        assertFalse(out.contains("<b>"), out);
        assertTrue(out.contains("&lt;b&gt;\\*x\\*"), out);
    }

    @Test
    void linksWhenABaseIsKnownAndNotOtherwise() {
        Report r = Lint.report("dir one/compose.yaml", services(1));
        String linked = new MarkdownReporter("https://example.com/o/r/blob/abc/").render(r);
        assertTrue(linked.contains("[line 2](https://example.com/o/r/blob/abc/dir%20one/compose.yaml#L2)"), linked);
        String plain = new MarkdownReporter(null).render(r);
        assertTrue(plain.contains("- :warning: line 2 **missing-memory-limit**: "), plain);
        assertFalse(plain.contains("]("), plain);
    }

    @Test
    void shortFilesAreOpenLongOnesCollapsed() {
        String out = new MarkdownReporter(null).render(Lint.report("a/compose.yaml", services(5),
                "b/compose.yaml", services(6)));
        assertTrue(out.contains("<details open>\n<summary><code>a/compose.yaml</code>: 10 problems</summary>"), out);
        assertTrue(out.contains("<details>\n<summary><code>b/compose.yaml</code>: 12 problems</summary>"), out);
        String small = new MarkdownReporter(null).render(Lint.report("a/compose.yaml", services(1)));
        assertTrue(small.contains("<details open>"), small);
        assertTrue(out.contains("| warning | `missing-memory-limit` (CF101) | 11 |"), out);
    }

    @Test
    void aHugeReportStaysUnderGithubsCommentLimit() {
        String out = new MarkdownReporter("https://example.com/o/r/blob/abc").render(Lint.report("compose.yaml",
                services(600)));
        assertTrue(out.length() <= MarkdownReporter.MAX_CHARS + 200, "length " + out.length());
        assertTrue(out.matches("(?s).*\\n\\d+ more problems did not fit in this comment; .*"), out.substring(out.length() - 300));
        assertTrue(out.contains("</details>"), "the block is closed");
        assertTrue(out.startsWith("### composefix: 1200 problems in 1 file"), out.substring(0, 80));
        String two = new MarkdownReporter(null).render(Lint.report("a/compose.yaml", services(600),
                "b/compose.yaml", services(1)));
        assertFalse(two.contains("<code>b/compose.yaml</code>"), "nothing after the cut, so the order holds");
        assertTrue(two.matches("(?s).*\\n\\d+ more problems did not fit.*"), two);
    }

    @Test
    void linkBaseComesFromTheFlagOrFromGithubActions() {
        Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true", "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/shop", "GITHUB_SHA", "0123abc");
        assertEquals("https://github.com/acme/shop/blob/0123abc", LinkBase.resolve(null, actions));
        assertEquals("https://x.test/b", LinkBase.resolve("https://x.test/b", actions));
        assertEquals(null, LinkBase.resolve(null, Map.of("GITHUB_SHA", "0123abc")));
        assertEquals(null, LinkBase.resolve(" ", Map.of()));
    }
}
