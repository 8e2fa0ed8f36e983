package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;

/** The JSON report, described by {@code schemas/report.schema.json}. */
public final class JsonReporter extends JsonReport {

    /** Bumped only when the report changes in a way that breaks readers. */
    public static final int VERSION = 1;

    @Override
    void write(Report report, JsonWriter w) {
        w.beginObject();
        w.field("version", VERSION);
        w.name("findings").beginArray();
        for (Finding f : report.findings()) {
            w.beginObject()
                    .field("rule", f.rule())
                    .field("code", f.code())
                    .field("severity", f.severity().id())
                    .field("file", f.file())
                    .field("line", f.start().line())
                    .field("column", f.start().column())
                    .field("endLine", f.end().line())
                    .field("endColumn", f.end().column())
                    .field("service", f.service())
                    .field("message", report.redaction(f.file()).mask(f.message()))
                    .field("fixable", f.fixable())
                    .endObject();
        }
        w.endArray();
        w.name("summary").beginObject()
                .field("files", report.files())
                .field("findings", report.findings().size());
        for (Severity s : Severity.values()) {
            w.field(s.id(), report.count(s));
        }
        w.endObject();
        w.endObject();
    }
}
