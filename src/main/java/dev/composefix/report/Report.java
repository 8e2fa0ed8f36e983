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
 * every reporter applies; and each finding's {@link Fingerprint}, in the order of the findings.
 */
public record Report(List<Finding> findings, int files, Map<String, LineMap> sources,
        Map<String, List<String>> checks, Redaction redaction, List<String> fingerprints) {

    /**
     * @param fingerprints the findings' fingerprints, or null to compute them (a report narrowed by
     *     {@link #retain} keeps the fingerprints of the whole run)
     */
    public Report {
        findings = List.copyOf(findings);
        sources = Map.copyOf(sources);
        checks = Map.copyOf(checks);
        fingerprints = fingerprints == null ? Fingerprint.of(findings, sources, redaction) : List.copyOf(fingerprints);
        if (fingerprints.size() != findings.size()) {
            throw new IllegalArgumentException("one fingerprint per finding");
        }
    }

    public Report(List<Finding> findings, int files, Map<String, LineMap> sources) {
        this(findings, files, sources, Map.of(), Redaction.NONE, null);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** This report with only the findings {@code keep} accepts (given each finding and its fingerprint). */
    public Report retain(BiPredicate<Finding, String> keep) {
        List<Finding> kept = new ArrayList<>();
        List<String> prints = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (keep.test(findings.get(i), fingerprints.get(i))) {
                kept.add(findings.get(i));
                prints.add(fingerprints.get(i));
            }
        }
        return new Report(kept, files, sources, checks, redaction, prints);
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
