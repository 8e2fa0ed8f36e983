package dev.composefix.report;

import dev.composefix.engine.Finding;

/**
 * Checkstyle XML, which reviewdog ({@code -f=checkstyle}), Jenkins and many CI dashboards read: one
 * {@code file} element per linted file, one {@code error} element per finding with its line, column,
 * severity ({@code error}, {@code warning} or {@code info}), message and the rule as
 * {@code source="composefix.RULE-NAME"}.
 */
public final class CheckstyleReporter implements Reporter {

    @Override
    public String render(Report report) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
        for (String file : report.paths()) {
            b.append("  <file name=\"").append(XmlText.attribute(ReportPath.of(file))).append('"');
            var findings = report.findingsIn(file);
            if (findings.isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            for (Finding f : findings) {
                b.append("    <error line=\"").append(f.start().line())
                        .append("\" column=\"").append(f.start().column())
                        .append("\" severity=\"").append(f.severity().id())
                        .append("\" message=\"").append(XmlText.attribute(report.redaction(f.file()).mask(f.message())))
                        .append("\" source=\"composefix.").append(XmlText.attribute(f.rule())).append("\"/>\n");
            }
            b.append("  </file>\n");
        }
        return b.append("</checkstyle>\n").toString();
    }
}
