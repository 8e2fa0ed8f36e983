package dev.composefix.script;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.io.IOException;
import java.util.List;

/**
 * The {@code scripts} of a package.json, read with Jackson's streaming parser (for the structure and each
 * value's position) and each string's escapes decoded here again so that every char of a script maps to its
 * place in the file.
 */
final class PackageJsonSource {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private PackageJsonSource() {
    }

    static void read(String text, List<ShellSnippet> out) throws ScriptException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ScriptException("package.json is not a JSON object", new Position(1, 1, 0));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("scripts") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        if (p.nextToken() == JsonToken.VALUE_STRING) {
                            int at = (int) p.currentTokenLocation().getCharOffset();
                            out.add(string(text, at));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            while (p.nextToken() != null) {
                // read to the end, so that trailing garbage is an error too
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Position at = l == null ? new Position(1, 1, 0) : position(text, l);
            String message = e.getOriginalMessage();
            throw new ScriptException("invalid JSON: " + (message == null ? "cannot parse" : firstLine(message)), at);
        } catch (IOException e) {
            throw new ScriptException("cannot read JSON: " + e.getMessage(), new Position(1, 1, 0));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Position position(String text, JsonLocation l) {
        long offset = l.getCharOffset();
        if (offset >= 0 && offset <= text.length()) {
            return new LineMap(text).at((int) offset);
        }
        return new Position(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()), 0);
    }

    /** The JSON string whose opening quote is at {@code quote}, each char mapped to its escape or itself. */
    static ShellSnippet string(String text, int quote) {
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        int k = quote + 1;
        while (k < text.length() && text.charAt(k) != '"') {
            char c = text.charAt(k);
            if (c != '\\' || k + 1 >= text.length()) {
                b.add(c, k, k + 1);
                k++;
                continue;
            }
            char e = text.charAt(k + 1);
            if (e == 'u' && k + 6 <= text.length()) {
                char decoded;
                try {
                    decoded = (char) Integer.parseInt(text.substring(k + 2, k + 6), 16);
                } catch (NumberFormatException bad) {
                    decoded = 'u';
                }
                b.add(decoded, k, k + 6);
                k += 6;
                continue;
            }
            char decoded = switch (e) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> e; // " \ /
            };
            b.add(decoded, k, k + 2);
            k += 2;
        }
        return b.build(false);
    }
}
