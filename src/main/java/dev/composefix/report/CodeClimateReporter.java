package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;

/**
 * GitLab Code Quality (a subset of Code Climate's issue format): a JSON array with one issue per
 * finding: description, check name (the rule), the shared {@link Fingerprint}, severity ({@code major}
 * for errors, {@code minor} for warnings, {@code info}), Code Climate category, and the file's path
 * with the lines the finding spans.
 */
public final class CodeClimateReporter extends JsonReport {

    private final RuleCatalog catalog;

    public CodeClimateReporter(ReportOptions options) {
        this.catalog = options.catalog();
    }

    @Override
    void write(Report report, JsonWriter w) {
        w.beginArray();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            w.beginObject()
                    .field("type", "issue")
                    .field("check_name", f.rule())
                    .field("description", f.rule() + ": " + report.redaction(f.file()).mask(f.message()));
            w.name("categories").beginArray().value(category(f)).endArray();
            w.field("severity", switch (f.severity()) {
                case ERROR -> "major";
                case WARNING -> "minor";
                case INFO -> "info";
            });
            w.field("fingerprint", report.fingerprints().get(i));
            w.name("location").beginObject().field("path", ReportPath.of(f.file()))
                    .name("lines").beginObject()
                    .field("begin", f.start().line())
                    .field("end", Report.lastLine(f))
                    .endObject().endObject();
            w.endObject();
        }
        w.endArray();
    }

    /** The Code Climate category of the finding's rule. */
    private String category(Finding f) {
        RuleMetadata m = catalog == null ? null : catalog.find(f.code());
        String c = m == null ? "" : m.category();
        return switch (c) {
            case "resources" -> "Performance";
            case "suppressions" -> "Clarity";
            case "hygiene" -> "Style";
            default -> "Bug Risk";
        };
    }
}
