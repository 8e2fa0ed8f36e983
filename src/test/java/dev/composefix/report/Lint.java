package dev.composefix.report;

import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lints texts in memory (no environment, no config) for reporter tests, with the rules below CF600
 * only: the hardening rules would add findings to every service and change the counts these tests
 * are about without exercising anything new in a reporter.
 */
final class Lint {

    private Lint() {
    }

    /** The report of linting {@code name} with contents {@code text}, and so on for further pairs. */
    static Report report(String... nameAndText) {
        List<Input> inputs = new ArrayList<>();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "composefix-report-tests");
        for (int i = 0; i < nameAndText.length; i += 2) {
            inputs.add(new Input(nameAndText[i], dir.resolve(nameAndText[i]),
                    nameAndText[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        try {
            List<String> core = Rules.catalog().metadata().stream().map(m -> m.code())
                    .filter(c -> c.compareTo("CF600") < 0).toList();
            return new LintRun(Rules.catalog(), new LintRun.Options(null, core, List.of(), null, true, null),
                    Map.of()).run(inputs).report();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ReportOptions options(String linkBase) {
        return new ReportOptions(false, linkBase, Rules.catalog(), "0.0.0-test");
    }

    static String render(Format format, Report report) {
        return format.reporter(options(null)).render(report);
    }
}
