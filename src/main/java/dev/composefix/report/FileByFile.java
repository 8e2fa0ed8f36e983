package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.yaml.LineMap;
import java.util.List;

/**
 * A format whose report is the text of each file's findings in turn, then a closing text that needs only
 * counts: a run over many files can print each file's part as soon as it is known ({@code StreamedLint}),
 * and the parts together are the text {@link Reporter#render} writes for the whole report.
 */
public interface FileByFile extends Reporter {

    /**
     * Appends the findings of one file, in report order, as the report of the whole run shows them: masked
     * with {@code redaction} (the file's own), quoting {@code lines} (null: the file has no text to quote).
     */
    void file(StringBuilder b, String file, List<Finding> findings, LineMap lines, Redaction redaction);

    /**
     * Appends what follows the findings of a run that found {@code bySeverity[s.ordinal()]} findings of
     * each severity in {@code files} files.
     */
    void closing(StringBuilder b, long[] bySeverity, int files);
}
