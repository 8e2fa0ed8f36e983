package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.TextEdit;
import dev.composefix.yaml.LineMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The text report's finding, written piece by piece into the builder, against the way it was first written
 * (each styled piece made as a string and wrapped in its style, the marker lines made with repeat): on
 * seeded findings with and without colours, fixes of every safety, tabs, secrets, lines past the end of the
 * file, very long lines with wide characters and line numbers of several digits. A failure names its seed.
 */
class TextFindingTest {

    private static final String[] LINES = {"  web:", "    image: nginx", "\tPASSWORD: hunter2secret", "  db:",
        "    command: run --token=abcd1234efgh", "    url: postgres://app:s3cr3tpw@db/x", "    x: " + "y".repeat(400),
        "    note: caf\u00e9 \u20ac \ud83d\ude00", "    v: hunter2secret again", "", "\t\tz: " + "\u00e9\ud83d\ude00".repeat(120)};

    @Test
    void findingsAreWrittenAsTheyFirstWere() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int lineCount = 1 + random.nextInt(random.nextBoolean() ? 20 : 2_000);
            for (int l = 0; l < lineCount; l++) {
                text.append(LINES[random.nextInt(LINES.length)]).append('\n');
            }
            String name = random.nextInt(10) == 0 ? "dir/c\u00e9 f.yml" : "f" + seed + ".yml";
            LineMap lines = new LineMap(text.toString(), name);
            Redaction redaction = random.nextBoolean() ? SecretRedaction.ofValues(Set.of("hunter2secret", "s3cr3tpw"))
                    : random.nextBoolean() ? SecretRedaction.generic() : Redaction.NONE;
            Report report = new Report(List.of(), 1, random.nextInt(8) == 0 ? Map.of() : Map.of(name, lines),
                    Map.of(), redaction);
            boolean color = random.nextBoolean();
            TextReporter reporter = new TextReporter(color);
            for (int i = 0; i < 20; i++) {
                int line = 1 + random.nextInt(lineCount + 2); // sometimes past the end: nothing quoted
                int known = Math.min(line, lineCount);
                int length = lines.line(known).length();
                int column = 1 + random.nextInt(Math.max(1, length + 1));
                int endLine = known + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
                endLine = Math.min(endLine, lineCount);
                int endColumn = endLine == known ? column + random.nextInt(Math.max(1, length + 2 - column))
                        : 1 + random.nextInt(Math.max(1, lines.line(endLine).length() + 1));
                var start = new dev.composefix.yaml.Position(line, column, 0);
                var end = new dev.composefix.yaml.Position(line == known ? endLine : line, endColumn, 0);
                Fix fix = switch (random.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> new Fix("limit memory to 128M", FixSafety.SAFE, List.of(new TextEdit(0, 0, "mem: 128M")),
                            List.of());
                    case 2 -> new Fix("set PASSWORD=hunter2secret", FixSafety.UNSAFE,
                            List.of(new TextEdit(0, 0, "x")), List.of());
                    case 3 -> new Fix("reveal", FixSafety.SAFE, List.of(new TextEdit(0, 0, "token: hunter2secret")),
                            List.of());
                    default -> new Fix("a suggestion \u20ac", FixSafety.values()[random.nextInt(FixSafety.values().length)],
                            List.of(new TextEdit(0, 0, "y")), List.of());
                };
                Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
                Finding f = new Finding("CF000", "rule-" + random.nextInt(3), severity, name, start, end, null,
                        "message " + random.nextInt(100) + (random.nextInt(5) == 0 ? " PASSWORD=hunter2secret" : ""), fix);
                StringBuilder now = new StringBuilder("before\n");
                reporter.finding(now, report, f);
                StringBuilder then = new StringBuilder("before\n");
                new FirstText(color).finding(then, report, f);
                assertEquals(then.toString(), now.toString(), "seed " + seed + ", finding " + i);
            }
        }
    }

    /** TextReporter's finding as it was first written. */
    private static final class FirstText {
        private static final String RESET = "\u001b[0m";
        private static final String BOLD = "\u001b[1m";
        private static final String DIM = "\u001b[2m";
        private final boolean color;

        FirstText(boolean color) {
            this.color = color;
        }

        void finding(StringBuilder b, Report report, Finding f) {
            Redaction redaction = report.redaction(f.file());
            b.append(paint(BOLD, f.file() + ":" + f.start().line() + ":" + f.start().column() + ":"))
                    .append(' ').append(paint(colorOf(f.severity()), f.severity().id()))
                    .append(' ').append(paint(BOLD, f.rule()))
                    .append(' ').append(redaction.mask(f.message())).append('\n');
            LineMap lines = report.sources().get(f.file());
            if (lines != null && f.start().line() <= lines.lineCount()) {
                quote(b, lines, f, redaction);
            }
            Fix fix = redaction.shown(f.fix());
            if (fix != null) {
                b.append(paint(DIM, "   = fix: " + fix.title() + " (" + how(fix.safety()) + ")")).append('\n');
            }
        }

        private void quote(StringBuilder b, LineMap lines, Finding f, Redaction redaction) {
            int line = f.start().line();
            String text = redaction.mask(lines.line(line)).replace('\t', ' ');
            int length = text.codePointCount(0, text.length());
            String number = String.valueOf(line);
            int startCol = f.start().column();
            int endCol = f.end().line() == line ? f.end().column() : length + 1;
            if (length > TextReporter.QUOTE_WIDTH) {
                int from = Math.max(0, Math.min(startCol - 1 - 40, length - TextReporter.QUOTE_WIDTH));
                int to = Math.min(length, from + TextReporter.QUOTE_WIDTH);
                String left = from > 0 ? "..." : "";
                text = left + text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to))
                        + (to < length ? "..." : "");
                startCol = Math.max(1, startCol - from + left.length());
                endCol = Math.min(endCol - from + left.length(), left.length() + to - from + 1);
            }
            b.append(paint(DIM, " " + number + " | ")).append(text).append('\n');
            int width = Math.max(1, endCol - startCol);
            b.append(" ".repeat(number.length() + 1)).append(paint(DIM, " | "))
                    .append(" ".repeat(Math.max(0, startCol - 1)))
                    .append(paint(colorOf(f.severity()), "^".repeat(width))).append('\n');
        }

        private static String how(FixSafety safety) {
            return switch (safety) {
                case SAFE -> "composefix rewrite applies it";
                case UNSAFE -> "composefix rewrite --unsafe-fixes applies it";
                default -> "a suggestion, never applied";
            };
        }

        private static String colorOf(Severity s) {
            return switch (s) {
                case ERROR -> "\u001b[31m";
                case WARNING -> "\u001b[33m";
                case INFO -> "\u001b[36m";
            };
        }

        private String paint(String style, String text) {
            return color ? style + text + RESET : text;
        }
    }
}
