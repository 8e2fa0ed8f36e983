package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.fix.Fix;
import dev.composefix.yaml.Position;
import java.io.IOException;

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into annotations on
 * the pull request: {@code ::warning file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message}.
 * Errors are {@code error}, warnings {@code warning}, info findings {@code notice}. GitHub's escaping:
 * {@code %}, CR and LF everywhere, and also {@code :} and {@code ,} in property values.
 */
public final class GithubReporter implements Reporter {

    @Override
    public String render(Report report) {
        StringBuilder b = new StringBuilder();
        try {
            render(report, b, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return b.toString();
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        StringBuilder b = new StringBuilder();
        render(report, b, out);
        out.append(b);
    }

    /** Renders into {@code b}, handing it to {@code out} (unless that is {@code b}) after each finding. */
    private static void render(Report report, StringBuilder b, Appendable out) throws IOException {
        Redaction redaction = report.redaction();
        for (Finding f : report.findings()) {
            if (out != b && b.length() >= TextReporter.CHUNK) {
                out.append(b);
                b.setLength(0);
            }
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
