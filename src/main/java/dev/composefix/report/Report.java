package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * What a lint run found, in report order; how many files it read; the text of each file (for formats
 * that quote lines or convert offsets); the codes of the rules that checked each file; the redaction
 * every reporter applies; and each finding's {@link Fingerprint}, in the order of the findings
 * (computed when first asked for, so formats that do not show fingerprints do not pay for them).
 */
public final class Report {

    private final List<Finding> findings;
    private final int files;
    private final Map<String, LineMap> sources;
    private final Map<String, List<String>> checks;
    private final Redaction redaction;
    private final Map<String, Redaction> byFile;
    private List<String> fingerprints;

    public Report(List<Finding> findings, int files, Map<String, LineMap> sources, Map<String, List<String>> checks,
            Redaction redaction) {
        this(findings, files, sources, checks, redaction, Map.of());
    }

    /**
     * A report whose findings in a file of {@code byFile} are masked with that file's redaction (the
     * secrets of its own project), and all others with {@code redaction}.
     */
    public Report(List<Finding> findings, int files, Map<String, LineMap> sources, Map<String, List<String>> checks,
            Redaction redaction, Map<String, Redaction> byFile) {
        this.findings = List.copyOf(findings);
        this.files = files;
        this.sources = Map.copyOf(sources);
        this.checks = Map.copyOf(checks);
        this.redaction = redaction;
        this.byFile = Map.copyOf(byFile);
    }

    public Report(List<Finding> findings, int files, Map<String, LineMap> sources) {
        this(findings, files, sources, Map.of(), Redaction.NONE);
    }

    public List<Finding> findings() {
        return findings;
    }

    public int files() {
        return files;
    }

    public Map<String, LineMap> sources() {
        return sources;
    }

    public Map<String, List<String>> checks() {
        return checks;
    }

    /** The redaction for text that belongs to no one file. */
    public Redaction redaction() {
        return redaction;
    }

    /**
     * The redaction for what a report prints of {@code file}: the secrets of the project it was linted
     * in, so one project's secret never masks words in another's findings.
     */
    public Redaction redaction(String file) {
        Redaction r = byFile.get(file);
        return r != null ? r : redaction;
    }

    /** The findings' fingerprints, in the order of the findings. */
    public synchronized List<String> fingerprints() {
        if (fingerprints == null) {
            fingerprints = Fingerprint.of(findings, sources, this::redaction);
        }
        return fingerprints;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /**
     * This report with only the findings {@code keep} accepts (given each finding and its fingerprint);
     * they keep the fingerprints they have in this report, and each file its own redaction.
     */
    public Report retain(BiPredicate<Finding, String> keep) {
        List<Finding> kept = new ArrayList<>();
        List<String> prints = new ArrayList<>();
        List<String> all = fingerprints();
        for (int i = 0; i < findings.size(); i++) {
            if (keep.test(findings.get(i), all.get(i))) {
                kept.add(findings.get(i));
                prints.add(all.get(i));
            }
        }
        Report narrowed = new Report(kept, files, sources, checks, redaction, byFile);
        narrowed.fingerprints = List.copyOf(prints);
        return narrowed;
    }

    /** Every file the run read or reported on, by the name findings use, in report order. */
    public List<String> paths() {
        TreeSet<String> all = new TreeSet<>(sources.keySet());
        all.addAll(checks.keySet());
        for (Finding f : findings) {
            all.add(f.file());
        }
        return List.copyOf(all);
    }

    /** The last line a finding covers: its end line, or the line before when it ends at a line's start. */
    public static int lastLine(Finding f) {
        return f.end().column() == 1 && f.end().line() > f.start().line() ? f.end().line() - 1 : f.end().line();
    }

    /**
     * Where a finding ends for formats that show ranges: its end, or, when its range is empty, the end
     * of the character it starts at (unless that is a line break or the end of the text).
     */
    public static Position shownEnd(Finding f, LineMap source) {
        if (f.end().line() != f.start().line() || f.end().column() != f.start().column() || source == null) {
            return f.end();
        }
        Position start = source.at(f.start().line(), f.start().column());
        String text = source.text();
        if (start.offset() >= text.length() || text.charAt(start.offset()) == '\n' || text.charAt(start.offset()) == '\r') {
            return f.end();
        }
        return source.at(start.offset() + Character.charCount(text.codePointAt(start.offset())));
    }

    /** The findings about {@code file}, in report order. */
    public List<Finding> findingsIn(String file) {
        return findings.stream().filter(f -> f.file().equals(file)).toList();
    }
}
