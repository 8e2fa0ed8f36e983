package dev.composefix.report;

import java.util.Locale;
import java.util.function.Function;

/** The output formats of {@code composefix lint --format}. */
public enum Format {
    TEXT(o -> new TextReporter(o.color())),
    JSON(o -> new JsonReporter());

    private final Function<ReportOptions, Reporter> factory;

    Format(Function<ReportOptions, Reporter> factory) {
        this.factory = factory;
    }

    public Reporter reporter(ReportOptions options) {
        return factory.apply(options);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a reporter should render: with terminal colours or not. */
    public record ReportOptions(boolean color) {
    }
}
