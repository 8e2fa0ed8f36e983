package dev.composefix.report;

import dev.composefix.engine.Finding;
import java.io.IOException;

/**
 * A format written one finding at a time, then a closing text. Into a stream it is handed on in
 * pieces of about {@link #CHUNK} characters, each ending after a whole finding, so a report of
 * thousands of files is never held as one string as well.
 */
abstract class FindingByFinding implements Reporter {

    /** How much text is handed on at a time when rendering into a stream. */
    static final int CHUNK = 1 << 15;

    /** Appends one finding's text. */
    abstract void finding(StringBuilder b, Report report, Finding f);

    /** Appends what follows the findings; nothing unless a format has more to say. */
    void closing(StringBuilder b, Report report) {
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
                out.append(b);
                b.setLength(0);
            }
        }
        closing(b, report);
        out.append(b);
    }
}
