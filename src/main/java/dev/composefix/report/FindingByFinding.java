package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.yaml.LineMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A format written one finding at a time, then a closing text. Into a stream it is handed on in
 * pieces of about {@link #CHUNK} characters, each ending after a whole finding, so a report of
 * thousands of files is never held as one string as well.
 */
abstract class FindingByFinding implements FileByFile {

    /** How much text is handed on at a time when rendering into a stream. */
    static final int CHUNK = 1 << 15;

    /** Appends one finding's text. */
    abstract void finding(StringBuilder b, Report report, Finding f);

    /** Appends what follows the findings; nothing unless a format has more to say. */
    void closing(StringBuilder b, Report report) {
    }

    @Override
    public void closing(StringBuilder b, long[] bySeverity, int files) {
    }

    @Override
    public void file(StringBuilder b, String file, List<Finding> findings, LineMap lines, Redaction redaction) {
        // A report of this file alone, masked and quoted as the whole run's report does it: each finding goes
        // through the same code as there.
        findings(b, new Report(findings, 1, lines == null ? Map.of() : Map.of(file, lines), Map.of(), redaction));
    }

    /** Appends each finding of {@code part}, a report of one file ({@link #file}). */
    void findings(StringBuilder b, Report part) {
        for (Finding f : part.findings()) {
            finding(b, part, f);
        }
    }

    @Override
    public String render(Report report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            finding(b, report, f);
        }
        closing(b, report);
        return b.toString();
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            finding(b, report, f);
            if (b.length() >= CHUNK) {
                handOn(b, out);
                // A new builder, not this one emptied: one that held a character past Latin-1 keeps two bytes
                // a character (and appends slower) however it is emptied.
                b = new StringBuilder(b.capacity());
            }
        }
        closing(b, report);
        handOn(b, out);
    }

    /**
     * Hands a piece (whole characters) on: to an encoded output as its bytes, encoded in one call rather
     * than by a print stream's encoder a buffer at a time.
     */
    static void handOn(StringBuilder piece, Appendable out) throws IOException {
        if (out instanceof EncodedOutput encoded) {
            encoded.write(piece.toString().getBytes(encoded.charset()));
        } else {
            out.append(piece);
        }
    }
}
