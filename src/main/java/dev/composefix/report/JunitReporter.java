package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JUnit XML for CI test dashboards: a test suite per file and a test case per file and rule, named
 * {@code CODE rule-name}. A rule that checked the file and found nothing passes; a rule with findings
 * fails, its failure typed by the most serious of them and listing each as {@code line:col severity
 * message}, in report order.
 */
public final class JunitReporter implements Reporter {

    private final RuleCatalog catalog;

    public JunitReporter(ReportOptions options) {
        this.catalog = options.catalog();
    }

    @Override
    public String render(Report report) {
        List<String> files = report.paths();
        Map<String, Map<String, List<Finding>>> cases = new LinkedHashMap<>();
        int tests = 0;
        int failures = 0;
        for (String file : files) {
            Map<String, List<Finding>> byRule = new LinkedHashMap<>();
            TreeSet<String> codes = new TreeSet<>(report.checks().getOrDefault(file, List.of()));
            List<Finding> findings = report.findingsIn(file);
            for (Finding f : findings) {
                codes.add(f.code());
            }
            for (String code : codes) {
                byRule.put(code, new ArrayList<>());
            }
            for (Finding f : findings) {
                byRule.get(f.code()).add(f);
            }
            cases.put(file, byRule);
            tests += byRule.size();
            failures += (int) byRule.values().stream().filter(l -> !l.isEmpty()).count();
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"composefix\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\">\n");
        for (Map.Entry<String, Map<String, List<Finding>>> file : cases.entrySet()) {
            String path = XmlText.attribute(ReportPath.of(file.getKey()));
            Map<String, List<Finding>> byRule = file.getValue();
            long failed = byRule.values().stream().filter(l -> !l.isEmpty()).count();
            b.append("  <testsuite name=\"").append(path).append("\" tests=\"").append(byRule.size())
                    .append("\" failures=\"").append(failed).append("\" errors=\"0\">\n");
            for (Map.Entry<String, List<Finding>> c : byRule.entrySet()) {
                List<Finding> found = c.getValue();
                String name = c.getKey() + " " + (found.isEmpty() ? ruleName(c.getKey()) : found.get(0).rule());
                b.append("    <testcase classname=\"").append(path).append("\" name=\"")
                        .append(XmlText.attribute(name.strip())).append('"');
                if (found.isEmpty()) {
                    b.append("/>\n");
                    continue;
                }
                b.append(">\n      <failure type=\"").append(worst(found).id()).append("\" message=\"")
                        .append(found.size() == 1 ? "1 problem" : found.size() + " problems").append("\">");
                for (Finding f : found) {
                    b.append(XmlText.content(f.start().line() + ":" + f.start().column() + " " + f.severity().id()
                            + " " + report.redaction(f.file()).mask(f.message()))).append('\n');
                }
                b.append("</failure>\n    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    private static Severity worst(List<Finding> found) {
        Severity s = Severity.INFO;
        for (Finding f : found) {
            if (f.severity().atLeast(s)) {
                s = f.severity();
            }
        }
        return s;
    }

    /** The name of the rule with this code (the report's checks name rules by code). */
    private String ruleName(String code) {
        RuleMetadata m = catalog == null ? null : catalog.find(code);
        return m == null ? "" : m.name();
    }
}
