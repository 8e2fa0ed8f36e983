package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.yaml.LineMap;
import java.util.List;
import java.util.Map;

/**
 * What a lint run found, in report order, how many files it read, and the text of each file (for
 * formats that quote the offending line).
 */
public record Report(List<Finding> findings, int files, Map<String, LineMap> sources) {

    public Report {
        findings = List.copyOf(findings);
        sources = Map.copyOf(sources);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
