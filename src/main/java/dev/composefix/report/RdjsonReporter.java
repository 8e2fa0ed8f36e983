package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.fix.Fix;
import dev.composefix.fix.TextEdit;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * reviewdog's diagnostic format ({@code reviewdog -f=rdjson}): one diagnostic per finding with its
 * message, path, range, severity and rule code, and the fix as {@code suggestions} (a range and the
 * text that replaces it), which reviewdog posts as one-click suggested changes. Edits shared by several
 * findings (one edit of a whole {@code depends_on}, say) are suggested once, with the first of them; a
 * finding answered by a plan (limits fitted to one budget) is suggested its own service's part.
 * Columns count UTF-8 bytes, as the format defines; ends are exclusive.
 */
public final class RdjsonReporter extends JsonReport {

    @Override
    void write(Report report, JsonWriter w) {
        w.beginObject();
        w.name("source").beginObject().field("name", "composefix").endObject();
        w.name("diagnostics").beginArray();
        Set<List<Object>> suggested = new HashSet<>();
        for (Finding f : report.findings()) {
            LineMap source = report.sources().get(f.file());
            Redaction redaction = report.redaction(f.file());
            w.beginObject().field("message", redaction.mask(f.message()));
            w.name("location").beginObject().field("path", ReportPath.of(f.file())).name("range");
            range(w, source, f.start(), Report.shownEnd(f, source));
            w.endObject();
            w.field("severity", switch (f.severity()) {
                case ERROR -> "ERROR";
                case WARNING -> "WARNING";
                case INFO -> "INFO";
            });
            w.name("code").beginObject().field("value", f.code()).endObject();
            Fix fix = redaction.shown(f.fix());
            if (fix != null && source != null && suggested.add(List.of(f.file(), fix.shownEdits()))) {
                w.name("suggestions").beginArray();
                List<TextEdit> edits = new ArrayList<>(fix.shownEdits());
                edits.sort(null);
                for (TextEdit e : edits) {
                    w.beginObject().name("range");
                    range(w, source, source.at(e.start()), source.at(e.end()));
                    w.field("text", e.text()).endObject();
                }
                w.endArray();
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void range(JsonWriter w, LineMap source, Position start, Position end) {
        w.beginObject();
        w.name("start").beginObject().field("line", start.line()).field("column", column(source, start)).endObject();
        w.name("end").beginObject().field("line", end.line()).field("column", column(source, end)).endObject();
        w.endObject();
    }

    /** The 1-based column of a position in UTF-8 bytes (code points when the text is not known). */
    static int column(LineMap source, Position p) {
        if (source == null) {
            return p.column();
        }
        int lineStart = source.lineStart(p.line());
        int offset = source.at(p.line(), p.column()).offset();
        return source.text().substring(lineStart, offset).getBytes(StandardCharsets.UTF_8).length + 1;
    }
}
