package dev.composefix.yaml;

/**
 * Maps a position in a scalar's value back to the source text, for scalars written verbatim: plain
 * scalars on one line, quoted scalars without escapes, literal block scalars, and folded block
 * scalars without blank lines inside (each line break folded to a space, or kept beside a
 * more-indented line). Anything else (multi-line flow scalars, escapes) answers -1, and callers
 * point at the whole scalar instead.
 */
public final class ScalarSource {

    private ScalarSource() {
    }

    /** The char offset in {@code doc}'s text of the value's char {@code index}, or -1. */
    public static int offset(YamlDocument doc, YScalar s, int index) {
        String text = doc.text();
        String value = s.value();
        if (index < 0 || index > value.length()) {
            return -1;
        }
        int start = s.start().offset();
        int end = s.end().offset();
        switch (s.style()) {
            case PLAIN -> {
                return text.substring(start, end).equals(value) ? start + index : -1;
            }
            case SINGLE_QUOTED, DOUBLE_QUOTED -> {
                String raw = text.substring(start + 1, Math.max(start + 1, end - 1));
                return raw.equals(value) ? start + 1 + index : -1;
            }
            case LITERAL -> {
                return literal(doc, s, index);
            }
            case FOLDED -> {
                return folded(doc, s, index);
            }
            default -> {
                return -1;
            }
        }
    }

    /** Value line L of a literal block is source line (header + 1 + L) after the block's indentation. */
    private static int literal(YamlDocument doc, YScalar s, int index) {
        String value = s.value();
        int line = 0;
        int lineStartInValue = 0;
        for (int i = 0; i < index; i++) {
            if (value.charAt(i) == '\n') {
                line++;
                lineStartInValue = i + 1;
            }
        }
        LineMap lines = doc.lines();
        int header = s.start().line();
        int sourceLine = header + 1 + line;
        if (sourceLine > lines.lineCount()) {
            return -1;
        }
        int valueLineEnd = value.indexOf('\n', lineStartInValue);
        String valueLine = value.substring(lineStartInValue, valueLineEnd < 0 ? value.length() : valueLineEnd);
        String source = lines.line(sourceLine);
        if (!source.endsWith(valueLine) || !source.substring(0, source.length() - valueLine.length()).isBlank()) {
            return -1;
        }
        int indent = source.length() - valueLine.length();
        return lines.lineStart(sourceLine) + indent + (index - lineStartInValue);
    }

    /**
     * A folded block's content lines appear in its value in order, each after its block indentation,
     * joined by one character (a space where YAML folded the break, a newline beside a more-indented
     * line); the value ends with at most the chomped final line break. Blank lines inside, which
     * fold differently, answer -1.
     */
    private static int folded(YamlDocument doc, YScalar s, int index) {
        String value = s.value();
        LineMap lines = doc.lines();
        int line = s.start().line() + 1;
        int last = s.end().line();
        int indent = -1;
        int p = 0;
        boolean first = true;
        for (; line <= Math.min(last, lines.lineCount()); line++) {
            String source = lines.line(line);
            if (source.isBlank()) {
                // Trailing blank lines only carry chomping; a blank line inside folds to a newline.
                continue;
            }
            int lead = 0;
            while (lead < source.length() && source.charAt(lead) == ' ') {
                lead++;
            }
            if (indent < 0) {
                indent = lead;
            }
            if (lead < indent) {
                break; // the next node: the scalar ended above (its end may lie on this line)
            }
            if (!first) {
                if (p >= value.length() || (value.charAt(p) != ' ' && value.charAt(p) != '\n')) {
                    return -1;
                }
                p++;
            }
            String content = source.substring(indent);
            if (!value.startsWith(content, p)) {
                return -1;
            }
            if (index >= p && index <= p + content.length()) {
                return lines.lineStart(line) + indent + (index - p);
            }
            p += content.length();
            first = false;
        }
        return -1;
    }
}
