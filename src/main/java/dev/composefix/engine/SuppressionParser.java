package dev.composefix.engine;

import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YComment;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds suppression comments in a parsed file. */
public final class SuppressionParser {

    /**
     * A directive, compiled when a comment first names composefix: most files have none, and a matcher for
     * each of their comments was most of what reading the comments cost.
     */
    private static final class Directive {
        static final Pattern P =
                Pattern.compile("^\\s*composefix:\\s*(ignore-file|ignore)\\b\\s*(\\[([^\\]]*)\\]?)?");
    }

    private final RuleCatalog catalog;

    public SuppressionParser(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** The suppressions of {@code doc}, which reports name {@code file}. */
    public List<Suppression> parse(YamlDocument doc, String file) {
        return parse(doc.comments(), doc.lines(), file);
    }

    /**
     * The suppressions in {@code comments} of a file whose lines are {@code lines}; each comment's text is what
     * follows its marker ({@code #}, {@code //}), and its span ends where its text ends.
     */
    public List<Suppression> parse(List<YComment> comments, LineMap lines, String file) {
        List<Suppression> out = new ArrayList<>();
        for (YComment c : comments) {
            if (!c.text().contains("composefix:")) {
                continue; // the one piece every directive has
            }
            Matcher m = Directive.P.matcher(c.text());
            if (!m.find()) {
                continue;
            }
            boolean fileWide = m.group(1).equals("ignore-file");
            int textStart = c.span().end().offset() - c.text().length(); // after the marker
            List<Suppression.Name> names = new ArrayList<>();
            if (m.group(3) != null) {
                String list = m.group(3);
                int listStart = textStart + m.start(3);
                int i = 0;
                while (i <= list.length()) {
                    int comma = list.indexOf(',', i);
                    int end = comma < 0 ? list.length() : comma;
                    String raw = list.substring(i, end);
                    String name = raw.strip();
                    if (!name.isEmpty()) {
                        int at = listStart + i + raw.indexOf(name);
                        Span span = new Span(lines.at(at), lines.at(at + name.length()));
                        names.add(new Suppression.Name(name, span, catalog.find(name)));
                    }
                    if (comma < 0) {
                        break;
                    }
                    i = comma + 1;
                }
            }
            int line = c.ownLine() ? nextContentLine(lines, c.span().start().line()) : c.span().start().line();
            out.add(new Suppression(file, c.span(), fileWide, line, names));
        }
        return out;
    }

    /** The first line after {@code line} that holds more than blanks and a comment. */
    private static int nextContentLine(LineMap lines, int line) {
        for (int l = line + 1; l <= lines.lineCount(); l++) {
            String t = lines.line(l).strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return l;
            }
        }
        return line + 1;
    }
}
