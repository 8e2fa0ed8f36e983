package dev.composefix.engine;

import java.util.List;

/** The findings for one file, sorted, and the rules that failed on it. */
public record LintResult(List<Finding> findings, List<InternalFailure> failures) {

    public LintResult {
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
    }
}
