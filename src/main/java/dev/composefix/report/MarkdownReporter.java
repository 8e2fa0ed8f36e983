package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pull request comment in GitHub-flavoured Markdown: a heading with the totals, a table of findings
 * by severity and rule, then the findings grouped by file, each file in a {@code <details>} block that
 * is open when short and collapsed when long. Lines link to {@code LINK-BASE/PATH#L12} when a link
 * base is known. Text from compose files is escaped so it cannot turn into markup, and the comment
 * stays under GitHub's size limit (what does not fit is counted, not shown).
 */
public final class MarkdownReporter implements Reporter {

    /** Files with more findings than this are collapsed. */
    static final int OPEN_LIMIT = 10;
    /** GitHub rejects comments over 65,536 characters; stay well below. */
    static final int MAX_CHARS = 60_000;

    private final String linkBase;

    public MarkdownReporter(String linkBase) {
        this.linkBase = linkBase == null || linkBase.isBlank() ? null : linkBase.replaceAll("/+$", "");
    }

    @Override
    public String render(Report report) {
        StringBuilder b = new StringBuilder();
        int n = report.findings().size();
        b.append("### composefix: ").append(n == 0 ? "no problems" : plural(n, "problem")).append(" in ")
                .append(plural(report.files(), "file")).append("\n");
        if (n == 0) {
            return b.toString();
        }
        b.append('\n').append(plural(report.count(Severity.ERROR), "error")).append(", ")
                .append(plural(report.count(Severity.WARNING), "warning")).append(", ")
                .append(report.count(Severity.INFO)).append(" info.\n\n");
        summary(b, report);
        int shown = 0;
        boolean full = false;
        for (String file : report.paths()) {
            List<Finding> findings = report.findingsIn(file);
            if (findings.isEmpty() || full) {
                continue;
            }
            b.append('\n').append(findings.size() > OPEN_LIMIT ? "<details>" : "<details open>")
                    .append("\n<summary><code>").append(html(ReportPath.of(file))).append("</code>: ")
                    .append(plural(findings.size(), "problem")).append("</summary>\n\n");
            for (Finding f : findings) {
                String item = item(report, f);
                if (b.length() + item.length() > MAX_CHARS) {
                    full = true; // what follows is left out, so what is shown stays in report order
                    break;
                }
                b.append(item);
                shown++;
            }
            b.append("\n</details>\n");
        }
        if (shown < n) {
            b.append("\n").append(plural(n - shown, "more problem")).append(" did not fit in this comment; ")
                    .append("the CI log has the complete report.\n");
        }
        return b.toString();
    }

    private static void summary(StringBuilder b, Report report) {
        Map<String, int[]> byRule = new TreeMap<>();
        Map<String, Finding> example = new TreeMap<>();
        for (Finding f : report.findings()) {
            String key = f.severity().ordinal() + f.code();
            byRule.computeIfAbsent(key, k -> new int[1])[0]++;
            example.putIfAbsent(key, f);
        }
        b.append("| severity | rule | problems |\n|---|---|---:|\n");
        for (Map.Entry<String, int[]> e : byRule.entrySet()) {
            Finding f = example.get(e.getKey());
            b.append("| ").append(f.severity().id()).append(" | `").append(f.rule()).append("` (").append(f.code())
                    .append(") | ").append(e.getValue()[0]).append(" |\n");
        }
    }

    private String item(Report report, Finding f) {
        Redaction redaction = report.redaction(f.file());
        StringBuilder b = new StringBuilder("- ").append(icon(f.severity())).append(' ');
        String where = "line " + f.start().line();
        if (linkBase != null) {
            int last = Report.lastLine(f);
            b.append('[').append(where).append("](").append(linkBase).append('/')
                    .append(SarifReporter.uri(ReportPath.of(f.file()))).append("#L").append(f.start().line())
                    .append(last > f.start().line() ? "-L" + last : "").append(')');
        } else {
            b.append(where);
        }
        b.append(" **").append(f.rule()).append("**: ").append(inline(redaction.mask(f.message())));
        Fix fix = redaction.shown(f.fix());
        if (fix != null) {
            b.append("<br>fix: ").append(inline(fix.title())).append(" (").append(RuleHelp.safety(fix.safety()))
                    .append(')');
        }
        return b.append('\n').toString();
    }

    private static String icon(Severity s) {
        return switch (s) {
            case ERROR -> ":x:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Text inside HTML (the summary line): markup characters as entities. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Text inside a Markdown list item: never markup, never more than one line. */
    static String inline(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '$', '#' -> b.append('\\').append(c);
                case '\r', '\n' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
