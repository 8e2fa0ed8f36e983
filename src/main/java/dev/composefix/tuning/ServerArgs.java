package dev.composefix.tuning;

import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.fix.YamlEditor;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Interpolated;
import dev.composefix.shell.ShellScript;
import dev.composefix.shell.SimpleCommand;
import dev.composefix.shell.Word;
import dev.composefix.yaml.ScalarSource;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments a server starts with, as written in one place: the items of a list ({@code command:
 * [postgres, -c, ...]}), or the words of one string (a {@code command} string, plain, quoted or a
 * block; or an environment variable's value such as Bitnami's {@code POSTGRESQL_EXTRA_FLAGS}, after
 * {@code NAME=} in the list form). Reads each argument's value (interpolated) and edits arguments in
 * place: the characters of one argument, or more arguments after the last.
 */
public final class ServerArgs {

    /**
     * One argument: its text as written (quotes removed, {@code ${...}} kept), its value after
     * interpolation (null when a variable has no value), and whether its characters can be edited.
     */
    public record Arg(String raw, String value, YNode node, boolean editable, Word word) {
    }

    /** Chars {@code from..to} of argument {@code arg} become {@code text}. */
    public record Replacement(int arg, int from, int to, String text) {
    }

    private final YamlDocument doc;
    private final YNode node;
    private final YSequence list;
    private final YScalar string;
    private final int prefix;
    private final List<Arg> args;

    private ServerArgs(YamlDocument doc, YNode node, YSequence list, YScalar string, int prefix, List<Arg> args) {
        this.doc = doc;
        this.node = node;
        this.list = list;
        this.string = string;
        this.prefix = prefix;
        this.args = List.copyOf(args);
    }

    /**
     * The arguments of a list or string value, or null when they cannot be read as plain words (a
     * string with shell operators, redirections or assignments, an item that is not a scalar).
     * {@code prefix} skips the {@code NAME=} of an environment list item.
     */
    public static ServerArgs of(ComposeFile file, YNode value, int prefix) {
        YamlDocument doc = file.document(value.start().source());
        if (doc == null) {
            return null;
        }
        if (value instanceof YSequence seq) {
            List<Arg> args = new ArrayList<>();
            for (YNode item : seq.items()) {
                if (!(item.resolve() instanceof YScalar s) || s.isNull()) {
                    return null;
                }
                Interpolated v = file.text(s);
                args.add(new Arg(s.value(), v == null || !v.known() ? null : v.text(), item, item instanceof YScalar,
                        null));
            }
            return new ServerArgs(doc, value, seq, null, 0, args);
        }
        if (!(value.resolve() instanceof YScalar s) || s.isNull() || prefix > s.value().length()) {
            return null;
        }
        String text = s.value().substring(prefix);
        List<Word> words = words(text);
        if (words == null) {
            return null;
        }
        List<Arg> args = new ArrayList<>();
        for (Word w : words) {
            Interpolated v = file.interpolate(w.text());
            args.add(new Arg(w.text(), v == null || !v.known() ? null : v.text(), value,
                    value instanceof YScalar && !w.hasExpansion() && !w.text().contains("$"), w));
        }
        return new ServerArgs(doc, value, null, s, prefix, args);
    }

    /** The words of a string split as Compose splits a command string, or null when it is more than words. */
    static List<Word> words(String text) {
        // Compose splits a command string into words with line breaks as plain spaces (the same length,
        // so offsets hold); to a shell they would separate commands.
        text = text.replace('\n', ' ');
        if (openQuote(text) || openInterpolation(text)) {
            // Compose refuses the command line; and what was added after it would stay quoted (or become
            // part of the variable's default)
            return null;
        }
        List<SimpleCommand> commands = ShellScript.parse(text);
        if (commands.size() > 1) {
            return null;
        }
        List<Word> words = commands.isEmpty() ? List.of() : commands.get(0).words();
        int at = 0;
        for (Word w : words) {
            if (!text.substring(at, w.start()).isBlank()) {
                return null; // an assignment, a redirection or an operator sits between words
            }
            at = w.end();
        }
        return text.substring(at).isBlank() ? words : null;
    }

    /** Whether a {@code ${} in {@code text} (not escaped as {@code $${}) is never closed by a brace. */
    static boolean openInterpolation(String text) {
        int dollars = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && dollars % 2 == 1 && text.indexOf('}', i) < 0) {
                return true;
            }
            dollars = c == '$' ? dollars + 1 : 0;
        }
        return false;
    }

    /** Whether a quote opened in {@code text} is never closed (a backslash escapes outside single quotes). */
    static boolean openQuote(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
            } else if (c == '\\') {
                i++;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }
        return quote != 0;
    }

    public List<Arg> args() {
        return args;
    }

    public YNode node() {
        return node;
    }

    public YamlDocument document() {
        return doc;
    }

    public boolean isList() {
        return list != null;
    }

    /** The values, with null for a variable without one. */
    public List<String> values() {
        List<String> out = new ArrayList<>();
        for (Arg a : args) {
            out.add(a.value());
        }
        return out;
    }

    /**
     * Replaces chars {@code from..to} of argument {@code index} with {@code text} (letters, digits
     * and {@code . _ -} only), or null when that part is not written verbatim.
     */
    public TextEdit replace(YamlEditor editor, int index, int from, int to, String text) {
        Arg a = args.get(index);
        if (!a.editable() || !safe(text)) {
            return null;
        }
        if (list != null) {
            YScalar s = (YScalar) a.node();
            return editor.replaceScalar(s, a.raw().substring(0, from) + text + a.raw().substring(to));
        }
        Word w = a.word();
        int valueFrom = w.sourceOffset(from);
        int valueTo = w.sourceOffset(to);
        if (valueTo - valueFrom != to - from) {
            return null; // quotes or escapes inside the part
        }
        int start = ScalarSource.offset(doc, string, prefix + valueFrom);
        int end = ScalarSource.offset(doc, string, prefix + valueTo);
        if (start < 0 || end - start != to - from || !doc.text().substring(start, end).equals(a.raw().substring(from, to))) {
            return null;
        }
        return new TextEdit(start, end, text, doc.source());
    }

    /**
     * Adds arguments after the last one: list items (in the quoting the list uses), or words at the
     * end of the string; in a block scalar each group goes on a line of its own. Null when the
     * string's end is not written verbatim.
     */
    public TextEdit append(YamlEditor editor, List<List<String>> groups) {
        List<String> words = new ArrayList<>();
        for (List<String> group : groups) { // not forEach(words::addAll), which a start would have to link
            words.addAll(group);
        }
        for (String w : words) {
            if (!safe(w)) {
                return null;
            }
        }
        if (list != null) {
            if (!list.flow() && list.items().isEmpty()) {
                return null;
            }
            boolean quoted = !list.items().isEmpty() && list.items().get(list.items().size() - 1) instanceof YScalar last
                    && last.style() != YScalar.Style.PLAIN;
            List<Fragment> items = new ArrayList<>();
            for (String w : words) {
                items.add(quoted || !plainWord(w) ? Fragment.quoted(w) : Fragment.raw(w));
            }
            return editor.appendAll(list, items);
        }
        String value = string.value();
        int end = value.length();
        while (end > prefix && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        int at = ScalarSource.offset(doc, string, end);
        if (at < 0) {
            return null;
        }
        if (string.style() == YScalar.Style.LITERAL || string.style() == YScalar.Style.FOLDED) {
            int lineStart = doc.lines().lineStart(doc.lines().at(at).line());
            String indent = doc.text().substring(lineStart, at).replaceAll("\\S.*", "");
            StringBuilder b = new StringBuilder();
            for (List<String> g : groups) {
                b.append(editor.lineEnding()).append(indent).append(String.join(" ", g));
            }
            return new TextEdit(at, at, b.toString(), doc.source());
        }
        return new TextEdit(at, at, (end > prefix ? " " : "") + String.join(" ", words), doc.source());
    }

    /** The edits that make the changes in place, or null when one of them cannot be made. */
    public List<TextEdit> edits(YamlEditor editor, List<Replacement> replacements, List<List<String>> appended) {
        List<TextEdit> edits = new ArrayList<>();
        for (Replacement r : replacements) {
            TextEdit e = replace(editor, r.arg(), r.from(), r.to(), r.text());
            if (e == null) {
                return null;
            }
            edits.add(e);
        }
        if (!appended.isEmpty()) {
            TextEdit e = append(editor, appended);
            if (e == null) {
                return null;
            }
            edits.add(e);
        }
        return edits;
    }

    /**
     * For a string: the value it would have after the changes in place (after the {@code NAME=} of an
     * environment list item), read back by the YAML parser from its edited source text; null for a
     * list or when the changes cannot be made in place. Used to write the same value elsewhere.
     */
    public String editedValue(YamlEditor editor, List<Replacement> replacements, List<List<String>> appended) {
        if (string == null) {
            return null;
        }
        List<TextEdit> edits = edits(editor, replacements, appended);
        if (edits == null) {
            return null;
        }
        int start = string.start().offset();
        int end = string.end().offset();
        StringBuilder text = new StringBuilder(doc.text().substring(start, end));
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(LAST_FIRST);
        for (TextEdit e : sorted) {
            if (e.start() < start || e.end() > end) {
                return null;
            }
            text.replace(e.start() - start, e.end() - start, e.text());
        }
        String source = text.toString().stripTrailing();
        try {
            YNode root = new YamlLoader().load("v: " + source + "\n").root();
            if (root instanceof YMapping m && m.value("v") instanceof YScalar v && v.value().length() >= prefix) {
                return v.value().substring(prefix);
            }
        } catch (YamlException e) {
            return null;
        }
        return null;
    }

    /** Text that needs no quoting in any YAML scalar style nor in a shell word. */
    private static boolean safe(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) { // a loop, not chars().allMatch: a stream a start would link
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && "._-=:/+".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Edits from the last to the first (a class rather than a lambda, which a start would have to link). */
    private static final java.util.Comparator<TextEdit> LAST_FIRST = new LastFirst();

    private static final class LastFirst implements java.util.Comparator<TextEdit> {
        @Override
        public int compare(TextEdit a, TextEdit b) {
            return Integer.compare(b.start(), a.start());
        }
    }

    /** A word that a plain YAML scalar holds as the same string, a leading dash included ({@code -c}). */
    private static boolean plainWord(String w) {
        return !w.matches("[-+]?[0-9][0-9._]*|[-+]?\\.[0-9]+|(?i)true|false|null|yes|no|on|off|~") && !w.equals("-");
    }
}
