package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.yaml.LineMap;
import java.io.IOException;
import java.util.List;

/**
 * The default human format: {@code file:line:col: severity name message}, then the source line with
 * a marker under the finding, then a summary. Colours only when asked (a terminal without NO_COLOR).
 */
public final class TextReporter extends FindingByFinding {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private final boolean color;

    public TextReporter(boolean color) {
        this.color = color;
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        List<Finding> all = report.findings();
        Redaction redaction = report.redaction();
        if (all.size() < PARALLEL_FROM || !(redaction == Redaction.NONE || redaction instanceof SecretRedaction)) {
            super.render(report, out);
            return;
        }
        // Many findings: blocks of them are rendered on every core and printed in order, the printing of
        // one block overlapping the rendering of the next (each finding's text depends on nothing but the
        // finding, its file's lines and the redaction, whose memory is safe to share), so the text is the
        // one a single thread writes.
        int blocks = (all.size() + BLOCK - 1) / BLOCK;
        // Each block's builder is sized once, from the longest block so far, not grown from empty a doubling at
        // a time (which copied each block's text several times over).
        java.util.concurrent.atomic.AtomicInteger longest = new java.util.concurrent.atomic.AtomicInteger(BLOCK * 256);
        java.util.function.IntFunction<String> block = i -> {
            int size = longest.get();
            StringBuilder b = new StringBuilder(size + (size >> 4));
            Quoted last = new Quoted();
            for (Finding f : all.subList(i * BLOCK, Math.min(all.size(), (i + 1) * BLOCK))) {
                finding(b, report, f, last);
            }
            longest.accumulateAndGet(b.length(), Math::max);
            return b.toString();
        };
        if (out instanceof EncodedOutput encoded) {
            // Encoded where it is rendered: the thread that writes the blocks in order, which was the slowest
            // of them, then only writes bytes. A block ends after a whole finding, so on a whole character.
            java.nio.charset.Charset charset = encoded.charset();
            OrderedBlocks.write(blocks, WINDOW, i -> block.apply(i).getBytes(charset), encoded::write);
        } else {
            OrderedBlocks.write(blocks, WINDOW, block, out::append);
        }
        StringBuilder b = new StringBuilder();
        closing(b, report);
        out.append(b);
    }

    /** How many findings make rendering on several threads worth it, and how many findings a block has. */
    private static final int PARALLEL_FROM = 4_000;
    private static final int BLOCK = 500;
    /** How many blocks may be rendered and not yet printed: what is held at a time. */
    private static final int WINDOW = 4;

    /** One finding: its line, the quoted source line with a marker, and its fix. */
    @Override
    void finding(StringBuilder b, Report report, Finding f) {
        finding(b, report, f, null);
    }

    /**
     * The source line a block of findings quoted last, masked, with its tabs as spaces: findings come in file
     * and line order, and several in turn often quote one line (a service's name, say), which is then cut
     * out, masked and measured once.
     */
    private static final class Quoted {
        LineMap lines;
        int line;
        Redaction redaction;
        String text;
        int length;
    }

    /** Severity ids, by ordinal: asked for every finding. */
    private static final String[] SEVERITY_IDS = severityIds();

    private static String[] severityIds() {
        Severity[] all = Severity.values();
        String[] ids = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id();
        }
        return ids;
    }

    private void finding(StringBuilder b, Report report, Finding f, Quoted last) {
        // Appended piece by piece, each style only when colours are on: no string is made for the
        // location, the styled pieces or the fix line (a report of many files has tens of thousands).
        Redaction redaction = report.redaction(f.file());
        String severity = colorOf(f.severity());
        open(b, BOLD).append(f.file()).append(':').append(f.start().line()).append(':')
                .append(f.start().column()).append(':');
        close(b).append(' ');
        open(b, severity).append(SEVERITY_IDS[f.severity().ordinal()]);
        close(b).append(' ');
        open(b, BOLD).append(f.rule());
        close(b).append(' ').append(redaction.mask(f.message())).append('\n');
        LineMap lines = report.sources().get(f.file());
        if (lines != null && f.start().line() <= lines.lineCount()) {
            quote(b, lines, f, redaction, last);
        }
        Fix fix = redaction.shown(f.fix());
        if (fix != null) {
            open(b, DIM).append("   = fix: ").append(fix.title()).append(" (").append(how(fix.safety())).append(')');
            close(b).append('\n');
        }
    }

    /** One file's findings, a quoted line shared by those on one line (as a block of the whole report does). */
    @Override
    void findings(StringBuilder b, Report part) {
        Quoted last = new Quoted();
        for (Finding f : part.findings()) {
            finding(b, part, f, last);
        }
    }

    /** The closing count of problems and files. */
    @Override
    void closing(StringBuilder b, Report report) {
        long[] counts = new long[Severity.values().length]; // one pass, not one stream per severity
        for (Finding f : report.findings()) {
            counts[f.severity().ordinal()]++;
        }
        closing(b, counts, report.files());
    }

    @Override
    public void closing(StringBuilder b, long[] counts, int files) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n > 0) {
            b.append('\n');
        }
        b.append(n == 0 ? "no problems" : n + (n == 1 ? " problem" : " problems"));
        if (n > 0) {
            long errors = counts[Severity.ERROR.ordinal()];
            long warnings = counts[Severity.WARNING.ordinal()];
            b.append(" (").append(errors).append(errors == 1 ? " error, " : " errors, ")
                    .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
                    .append(counts[Severity.INFO.ordinal()]).append(" info)");
        }
        b.append(" in ").append(files).append(files == 1 ? " file" : " files").append('\n');
    }

    /** Source lines longer than this (in code points) are shown as a window around the finding. */
    static final int QUOTE_WIDTH = 160;
    private static final int QUOTE_BEFORE = 40;

    private void quote(StringBuilder b, LineMap lines, Finding f, Redaction redaction, Quoted last) {
        int line = f.start().line();
        String text;
        int length;
        if (last != null && last.lines == lines && last.line == line && last.redaction == redaction) {
            text = last.text;
            length = last.length;
        } else {
            text = redaction.mask(lines.line(line)).replace('\t', ' ');
            length = text.codePointCount(0, text.length());
            if (last != null) {
                last.lines = lines;
                last.line = line;
                last.redaction = redaction;
                last.text = text;
                last.length = length;
            }
        }
        int startCol = f.start().column();
        int endCol = f.end().line() == line ? f.end().column() : length + 1;
        if (length > QUOTE_WIDTH) {
            // A very long line (a minified file, a huge value) is cut to a window, marked with "...".
            int from = Math.max(0, Math.min(startCol - 1 - QUOTE_BEFORE, length - QUOTE_WIDTH));
            int to = Math.min(length, from + QUOTE_WIDTH);
            String left = from > 0 ? "..." : "";
            text = left + text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to))
                    + (to < length ? "..." : "");
            startCol = Math.max(1, startCol - from + left.length());
            endCol = Math.min(endCol - from + left.length(), left.length() + to - from + 1);
        }
        open(b, DIM).append(' ').append(line).append(" | ");
        close(b).append(text).append('\n');
        int width = Math.max(1, endCol - startCol);
        repeat(b, ' ', digits(line) + 1);
        open(b, DIM).append(" | ");
        repeat(close(b), ' ', startCol - 1);
        repeat(open(b, colorOf(f.severity())), '^', width);
        close(b).append('\n');
    }

    /** {@code n} times {@code c} (none when n is not positive). */
    private static StringBuilder repeat(StringBuilder b, char c, int n) {
        for (int i = 0; i < n; i++) {
            b.append(c);
        }
        return b;
    }

    /** How many characters {@code String.valueOf(n)} has, for a line number. */
    private static int digits(int n) {
        if (n < 0) {
            return String.valueOf(n).length();
        }
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
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

    /** Starts {@code style} when colours are on: what {@link #close} ends. */
    private StringBuilder open(StringBuilder b, String style) {
        return color ? b.append(style) : b;
    }

    /** Ends the style {@link #open} started, when colours are on. */
    private StringBuilder close(StringBuilder b) {
        return color ? b.append(RESET) : b;
    }
}
