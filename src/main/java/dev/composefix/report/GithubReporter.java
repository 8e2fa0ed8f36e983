package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.fix.Fix;
import dev.composefix.yaml.Position;

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into annotations on
 * the pull request: {@code ::warning file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message}.
 * Errors are {@code error}, warnings {@code warning}, info findings {@code notice}. GitHub's escaping:
 * {@code %}, CR and LF everywhere, and also {@code :} and {@code ,} in property values.
 */
public final class GithubReporter extends FindingByFinding {

    @Override
    void finding(StringBuilder b, Report report, Finding f) {
        Redaction redaction = report.redaction(f.file());
        String command = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        String message = redaction.mask(f.message());
        Position end = Report.shownEnd(f, report.sources().get(f.file()));
        Fix fix = redaction.shown(f.fix());
        if (fix != null) {
            message += "\nfix: " + fix.title() + " (" + RuleHelp.safety(fix.safety()) + ")";
        }
        b.append("::").append(command)
                .append(" file=").append(property(ReportPath.of(f.file())))
                .append(",line=").append(f.start().line())
                .append(",endLine=").append(end.line())
                .append(",col=").append(f.start().column())
                .append(",endColumn=").append(end.column())
                .append(",title=").append(property(f.rule() + " (" + f.code() + ")"))
                .append("::").append(data(message)).append('\n');
    }

    /** Escapes a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
