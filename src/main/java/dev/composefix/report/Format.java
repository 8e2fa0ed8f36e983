package dev.composefix.report;

import java.util.Locale;

/** The output formats of {@code composefix lint --format}, each building its reporter. */
public enum Format {
    TEXT, JSON, SARIF, GITHUB, CHECKSTYLE, CODECLIMATE, RDJSON, JUNIT, MARKDOWN;

    /**
     * The reporter of this format. A switch rather than a factory per constant: a start then links no
     * lambdas for the formats and loads only the reporter it uses.
     */
    public Reporter reporter(ReportOptions o) {
        return switch (this) {
            case TEXT -> new TextReporter(o.color());
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter(o);
            case GITHUB -> new GithubReporter();
            case CHECKSTYLE -> new CheckstyleReporter();
            case CODECLIMATE -> new CodeClimateReporter(o);
            case RDJSON -> new RdjsonReporter();
            case JUNIT -> new JunitReporter(o);
            case MARKDOWN -> new MarkdownReporter(o.linkBase());
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
