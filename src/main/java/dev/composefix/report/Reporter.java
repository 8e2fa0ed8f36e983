package dev.composefix.report;

/** Renders a report in one output format. */
public interface Reporter {

    String render(Report report);
}
