package dev.composefix.report;

import java.util.Locale;
import java.util.function.Function;

/** The output formats of {@code composefix lint --format}, each building its reporter. */
public enum Format {
    TEXT(o -> new TextReporter(o.color())),
    JSON(o -> new JsonReporter()),
    SARIF(SarifReporter::new),
    GITHUB(o -> new GithubReporter()),
    CHECKSTYLE(o -> new CheckstyleReporter()),
    CODECLIMATE(CodeClimateReporter::new),
    RDJSON(o -> new RdjsonReporter()),
    JUNIT(JunitReporter::new),
    MARKDOWN(o -> new MarkdownReporter(o.linkBase()));

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
}
