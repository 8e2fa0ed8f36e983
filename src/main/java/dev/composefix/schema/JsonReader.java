package dev.composefix.schema;

import dev.composefix.yaml.Position;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON text (RFC 8259) into the YAML tree the rest of composefix reads, each node at the
 * line and column where it starts: a schema shipped in the jar, read at start-up, takes a few
 * milliseconds this way instead of the YAML parser's tenth of a second.
 */
final class JsonReader {

    private final String text;
    private final String source;
    private int at;
    private int line = 1;
    private int lineStart;

    private JsonReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** The document's value; a text that is not one JSON value fails with the line and column. */
    static YNode read(String source, String text) {
        JsonReader r = new JsonReader(text, source);
        r.space();
        YNode value = r.value();
        r.space();
        if (r.at < text.length()) {
            throw r.error("text after the JSON value");
        }
        return value;
    }

    private Position position() {
        return new Position(line, at - lineStart + 1, at, source);
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(source + ":" + line + ":" + (at - lineStart + 1) + ": " + what);
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
                lineStart = at + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private YNode value() {
        if (at >= text.length()) {
            throw error("a value is missing");
        }
        Position start = position();
        char c = text.charAt(at);
        switch (c) {
            case '{' -> {
                at++;
                List<YEntry> entries = new ArrayList<>();
                space();
                if (peek('}')) {
                    return new YMapping(entries, true, new Span(start, position()), null, null, 1);
                }
                while (true) {
                    space();
                    if (at >= text.length() || text.charAt(at) != '"') {
                        throw error("a key in double quotes is expected");
                    }
                    Position keyAt = position();
                    String key = string();
                    YNode k = new YScalar(key, YScalar.Style.DOUBLE_QUOTED, YScalar.Kind.STRING,
                            new Span(keyAt, position()), null, null);
                    space();
                    expect(':');
                    space();
                    entries.add(new YEntry(k, value()));
                    space();
                    if (peek('}')) {
                        return new YMapping(entries, true, new Span(start, position()), null, null, entries.size());
                    }
                    expect(',');
                }
            }
            case '[' -> {
                at++;
                List<YNode> items = new ArrayList<>();
                space();
                if (peek(']')) {
                    return new YSequence(items, true, new Span(start, position()), null, null, 1);
                }
                while (true) {
                    space();
                    items.add(value());
                    space();
                    if (peek(']')) {
                        return new YSequence(items, true, new Span(start, position()), null, null, items.size());
                    }
                    expect(',');
                }
            }
            case '"' -> {
                String s = string();
                return new YScalar(s, YScalar.Style.DOUBLE_QUOTED, YScalar.Kind.STRING, new Span(start, position()),
                        null, null);
            }
            default -> {
                int from = at;
                while (at < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
                String word = text.substring(from, at);
                YScalar.Kind kind = switch (word) {
                    case "true", "false" -> YScalar.Kind.BOOL;
                    case "null" -> YScalar.Kind.NULL;
                    default -> {
                        if (!word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                            at = from;
                            throw error("not a JSON value: '" + word + "'");
                        }
                        yield word.matches("-?[0-9]+") ? YScalar.Kind.INT : YScalar.Kind.FLOAT;
                    }
                };
                return new YScalar(word, YScalar.Style.PLAIN, kind, new Span(start, position()), null, null);
            }
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' is expected");
        }
    }

    private String string() {
        at++; // the opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("a control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    at += 4;
                }
                default -> throw error("an unknown escape \\" + e);
            }
        }
    }
}
