package dev.composefix.report;

import java.io.IOException;

/** Renders a report in one output format. */
public interface Reporter {

    String render(Report report);

    /**
     * Renders into {@code out}, the same text as {@link #render(Report)}. Formats that write finding by
     * finding override it, so a report of thousands of files is not held as one string as well.
     */
    default void render(Report report, Appendable out) throws IOException {
        out.append(render(report));
    }
}
