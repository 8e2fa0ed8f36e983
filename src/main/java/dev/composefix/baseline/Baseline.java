package dev.composefix.baseline;

import dev.composefix.engine.Finding;
import dev.composefix.report.JsonWriter;
import dev.composefix.report.Report;
import dev.composefix.report.ReportPath;
import dev.composefix.rules.ParseError;
import dev.composefix.schema.SchemaCheck;
import dev.composefix.schema.SchemaProblem;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team accepted when it adopted composefix ({@code lint --write-baseline FILE}), so that
 * later runs ({@code lint --baseline FILE}) report only new ones. Findings are matched by their
 * {@link dev.composefix.report.Fingerprint}, so a recorded finding stays known when lines move. Parse
 * errors are never recorded and never matched. The file is JSON, described by
 * {@code schemas/baseline.schema.json}.
 */
public final class Baseline {

    /** Bumped only when the file changes in a way that breaks readers. */
    public static final int VERSION = 1;

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /** How many findings the baseline holds. */
    public int size() {
        return fingerprints.size();
    }

    /** {@code report} without the findings this baseline holds. */
    public Report newFindings(Report report) {
        return report.retain((f, fingerprint) -> !recordable(f) || !fingerprints.contains(fingerprint));
    }

    /** Whether a finding can be recorded: everything but parse errors (a file that does not parse is never accepted). */
    public static boolean recordable(Finding f) {
        return !f.rule().equals(ParseError.NAME);
    }

    /** The baseline file recording {@code report}'s findings, in report order. */
    public static String render(Report report) {
        JsonWriter w = new JsonWriter().beginObject().field("version", VERSION);
        w.name("findings").beginArray();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            if (!recordable(f)) {
                continue;
            }
            w.beginObject()
                    .field("fingerprint", report.fingerprints().get(i))
                    .field("code", f.code())
                    .field("rule", f.rule())
                    .field("file", ReportPath.of(f.file()))
                    .field("service", f.service())
                    .field("message", report.redaction(f.file()).mask(f.message()))
                    .endObject();
        }
        w.endArray();
        return w.endObject() + "\n";
    }

    /** The number of findings {@link #render} records. */
    public static long recordableCount(Report report) {
        return report.findings().stream().filter(Baseline::recordable).count();
    }

    /** Reads and checks a baseline file. */
    public static Baseline read(Path file) throws BaselineException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such file (composefix lint --write-baseline " + file
                    + " records one)");
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read: " + e.getMessage());
        }
        YNode root;
        try {
            root = new YamlLoader().load(bytes).root();
        } catch (YamlException e) {
            throw new BaselineException(file + ":" + e.position() + ": not a baseline: " + e.getMessage());
        }
        List<SchemaProblem> problems = SchemaCheck.resource("/schemas/baseline.schema.json").check(root);
        if (!problems.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (SchemaProblem p : problems) {
                b.append(b.length() == 0 ? "" : "\n").append(file).append(':').append(p.span().start()).append(": ")
                        .append(p.message());
            }
            throw new BaselineException(b.toString());
        }
        Set<String> prints = new HashSet<>();
        if (root.resolve() instanceof YMapping m && m.value("findings") instanceof YSequence findings) {
            for (YNode item : findings.items()) {
                if (item.resolve() instanceof YMapping finding && finding.value("fingerprint") instanceof YScalar s) {
                    prints.add(s.value());
                }
            }
        }
        return new Baseline(prints);
    }
}
