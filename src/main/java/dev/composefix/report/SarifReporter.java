package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.fix.TextEdit;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run whose driver describes the
 * rules the results refer to; each result with its rule, level, message, a region in code points
 * ({@code columnKind: unicodeCodePoints}, end exclusive) of a URI relative to {@code %SRCROOT%}, the
 * service as a logical location, the shared fingerprint, and the finding's fix as replacements.
 */
public final class SarifReporter extends JsonReport {

    /** The {@code partialFingerprints} key of {@link Fingerprint}. */
    public static final String FINGERPRINT_KEY = "composefix/v1";
    static final String SRCROOT = "%SRCROOT%";
    private static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private final RuleCatalog catalog;
    private final String version;

    public SarifReporter(ReportOptions options) {
        this.catalog = options.catalog();
        this.version = options.version();
    }

    @Override
    void write(Report report, JsonWriter w) {
        Map<String, RuleMetadata> rules = new TreeMap<>();
        for (Finding f : report.findings()) {
            RuleMetadata m = catalog == null ? null : catalog.find(f.code());
            if (m != null) {
                rules.put(m.code(), m);
            }
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        w.beginObject()
                .field("$schema", SCHEMA)
                .field("version", "2.1.0");
        w.name("runs").beginArray().beginObject();
        w.name("tool").beginObject().name("driver").beginObject()
                .field("name", "composefix")
                .field("version", version);
        if (version != null && version.matches("\\d+\\.\\d+\\.\\d+.*")) {
            w.field("semanticVersion", version);
        }
        w.name("rules").beginArray();
        for (RuleMetadata m : rules.values()) {
            rule(w, m);
        }
        w.endArray().endObject().endObject();
        w.field("columnKind", "unicodeCodePoints");
        w.name("results").beginArray();
        for (int i = 0; i < report.findings().size(); i++) {
            result(w, report, report.findings().get(i), report.fingerprints().get(i), ruleIds);
        }
        w.endArray();
        w.endObject().endArray();
        w.endObject();
    }

    private static void rule(JsonWriter w, RuleMetadata m) {
        w.beginObject()
                .field("id", m.code())
                .field("name", m.name());
        w.name("shortDescription").beginObject().field("text", m.summary()).endObject();
        w.name("fullDescription").beginObject().field("text", RuleHelp.unwrap(m.docs().get("description"))).endObject();
        w.name("help").beginObject()
                .field("text", RuleHelp.unwrap(m.docs().get("rationale")) + "\n\n'composefix explain " + m.code()
                        + "' shows examples, the fix and options.")
                .field("markdown", RuleHelp.markdown(m))
                .endObject();
        w.name("defaultConfiguration").beginObject().field("level", level(m.severity())).endObject();
        w.name("properties").beginObject();
        w.name("tags").beginArray().value(m.category()).endArray();
        w.field("fix", m.fix().id()).field("status", m.status()).field("since", m.since());
        w.endObject();
        w.endObject();
    }

    private static void result(JsonWriter w, Report report, Finding f, String fingerprint, List<String> ruleIds) {
        Redaction redaction = report.redaction(f.file());
        String uri = uri(ReportPath.of(f.file()));
        w.beginObject().field("ruleId", f.code());
        int index = ruleIds.indexOf(f.code());
        if (index >= 0) {
            w.field("ruleIndex", index);
        }
        w.field("level", level(f.severity()));
        w.name("message").beginObject().field("text", redaction.mask(f.message())).endObject();
        w.name("locations").beginArray().beginObject();
        w.name("physicalLocation").beginObject();
        artifact(w, uri);
        w.name("region");
        region(w, f.start(), Report.shownEnd(f, report.sources().get(f.file())));
        w.endObject();
        if (f.service() != null) {
            w.name("logicalLocations").beginArray().beginObject()
                    .field("name", f.service())
                    .field("fullyQualifiedName", Fix.path("services", f.service()))
                    .field("kind", "object")
                    .endObject().endArray();
        }
        w.endObject().endArray();
        w.name("partialFingerprints").beginObject().field(FINGERPRINT_KEY, fingerprint).endObject();
        Fix fix = redaction.shown(f.fix());
        LineMap source = report.sources().get(f.file());
        if (fix != null && source != null) {
            w.name("fixes").beginArray().beginObject();
            w.name("description").beginObject()
                    .field("text", fix.title() + " (" + RuleHelp.safety(fix.safety()) + ")").endObject();
            w.name("artifactChanges").beginArray().beginObject();
            artifact(w, uri);
            w.name("replacements").beginArray();
            List<TextEdit> edits = new ArrayList<>(fix.shownEdits());
            edits.sort(null);
            for (TextEdit e : edits) {
                w.beginObject().name("deletedRegion");
                region(w, source.at(e.start()), source.at(e.end()));
                if (!e.text().isEmpty()) {
                    w.name("insertedContent").beginObject().field("text", e.text()).endObject();
                }
                w.endObject();
            }
            w.endArray().endObject().endArray();
            w.endObject().endArray();
        }
        w.endObject();
    }

    /** A relative URI is resolved against %SRCROOT%; a file outside the working directory gets a file: URI. */
    private static void artifact(JsonWriter w, String uri) {
        w.name("artifactLocation").beginObject();
        if (uri.startsWith("/")) {
            w.field("uri", "file://" + uri);
        } else {
            w.field("uri", uri).field("uriBaseId", SRCROOT);
        }
        w.endObject();
    }

    private static void region(JsonWriter w, Position start, Position end) {
        w.beginObject()
                .field("startLine", start.line())
                .field("startColumn", start.column())
                .field("endLine", end.line())
                .field("endColumn", end.column())
                .endObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative path as a URI reference: UTF-8, every byte but unreserved characters and '/' percent-encoded. */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
