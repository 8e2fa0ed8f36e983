package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.fix.YamlEditor;
import dev.composefix.model.Service;
import dev.composefix.tuning.ServerArgs;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixes to a server's start arguments, in the service's {@code command} or in one environment
 * variable (Bitnami's images). In place where the arguments are written and the service owns them:
 * the characters of a value replaced, new arguments after the last in the same form (list items,
 * words of the string, or lines of a block scalar). Otherwise (a command from an anchor, a service
 * with no command yet, {@code rewrite --into}) the whole new command, or variable, as the service's
 * own: a command as a folded block, one group of arguments per line.
 */
final class ServerArgsEdit {

    private ServerArgsEdit() {
    }

    /**
     * The fix, or null when it cannot be made safely.
     *
     * @param args the arguments as written, or null when there are none yet
     * @param variable the environment variable that holds them, or null for {@code command}
     * @param base the words a new command starts with (the image's own command), used when args is null
     */
    static Fix fix(Service s, RuleContext ctx, ServerArgs args, String variable, List<String> base,
            List<ServerArgs.Replacement> replacements, List<List<String>> appended, String title) {
        for (ServerArgs.Replacement r : replacements) {
            if (!args.args().get(r.arg()).editable()) {
                return null; // a value from a variable: replacing it would drop the user's variable
            }
        }
        String key = variable == null ? "command" : "environment";
        List<String> targets = List.of(Fix.path("services", s.name(), key));
        if (ctx.settings().into() == null) {
            if (args != null && owned(s, args, key, variable)) {
                List<TextEdit> edits = args.edits(ctx.editor(args.document()), replacements, appended);
                if (edits != null) {
                    return new Fix(title, ctx.fixSafety(), edits, targets);
                }
            } else if (args == null && variable != null) {
                Fix added = addVariableToList(s, ctx, variable, String.join(" ", words(null, base, replacements,
                        appended)), title, targets);
                if (added != null) {
                    return added;
                }
            }
        }
        Fragment whole = whole(ctx, args, base, replacements, appended);
        if (whole == null) {
            return null;
        }
        Fragment value = variable == null ? whole : Fragment.mapping(variable, whole);
        return ServiceEdit.fix(s, ctx, Fragment.mapping(key, value), title, targets);
    }

    /** Whether the service's own mapping holds the arguments and editing them changes no other service. */
    private static boolean owned(Service s, ServerArgs args, String key, String variable) {
        YamlDocument doc = args.document();
        YMapping body = ServiceEdit.ownBody(doc, s.name());
        YEntry own = body == null ? null : body.own(key);
        if (own == null || ServiceEdit.leaks(doc, s.name(), key)) {
            return false;
        }
        YNode v = own.value();
        if (variable == null) {
            return v == args.node();
        }
        if (v instanceof YMapping env) {
            YEntry e = env.own(variable);
            return e != null && e.value() == args.node();
        }
        return v instanceof YSequence seq && seq.items().contains(args.node());
    }

    /** A new variable in a list-form environment the service owns; null when the environment is not that. */
    private static Fix addVariableToList(Service s, RuleContext ctx, String variable, String value, String title,
            List<String> targets) {
        YamlDocument doc = ServiceEdit.documentFor(s, "environment");
        YMapping body = doc == null ? null : ServiceEdit.ownBody(doc, s.name());
        YEntry own = body == null ? null : body.own("environment");
        if (own == null || !(own.value() instanceof YSequence seq) || ServiceEdit.leaks(doc, s.name(), "environment")) {
            return null;
        }
        try {
            return new Fix(title, ctx.fixSafety(),
                    List.of(ctx.editor(doc).appendAll(seq, List.of(Fragment.string(variable + "=" + value)))), targets);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The whole new value, the same as the changes in place would give: a list as a flow list (items
     * copied as written, changed and new ones as strings), a string with the same value; a new
     * command as a folded block of lines. Null when it cannot be written.
     */
    private static Fragment whole(RuleContext ctx, ServerArgs args, List<String> base,
            List<ServerArgs.Replacement> replacements, List<List<String>> appended) {
        if (args != null && args.isList()) {
            Map<Integer, ServerArgs.Replacement> byArg = new TreeMap<>();
            for (ServerArgs.Replacement r : replacements) {
                byArg.put(r.arg(), r);
            }
            List<Fragment> items = new ArrayList<>();
            for (int i = 0; i < args.args().size(); i++) {
                ServerArgs.Arg a = args.args().get(i);
                ServerArgs.Replacement r = byArg.get(i);
                items.add(r == null ? new Fragment.Copy(a.node())
                        : Fragment.string(a.raw().substring(0, r.from()) + r.text() + a.raw().substring(r.to())));
            }
            boolean quoted = false;
            for (ServerArgs.Arg a : args.args()) {
                quoted |= a.node() instanceof dev.composefix.yaml.YScalar sc
                        && sc.style() != dev.composefix.yaml.YScalar.Style.PLAIN;
            }
            for (List<String> g : appended) {
                for (String w : g) {
                    items.add(quoted ? Fragment.quoted(w) : Fragment.string(w));
                }
            }
            return new Fragment.Sequence(items, true);
        }
        if (args != null) {
            YamlEditor editor = ctx.editor(args.document());
            String value = args.editedValue(editor, replacements, appended);
            if (value != null) {
                // One line per group when that folds back to the same value (easier to review).
                List<String> lines = new ArrayList<>();
                lines.add(args.editedValue(editor, replacements, List.of()));
                for (List<String> g : appended) {
                    lines.add(String.join(" ", g));
                }
                boolean foldable = lines.get(0) != null && String.join(" ", lines).equals(value);
                for (int i = 0; foldable && i < lines.size(); i++) {
                    String l = lines.get(i);
                    foldable = !l.isEmpty() && !l.startsWith(" ") && !l.endsWith(" ") && l.indexOf('\n') < 0;
                }
                return foldable && !appended.isEmpty() ? Fragment.folded(lines) : Fragment.string(value);
            }
        }
        List<String> lines = lines(args, base, replacements, appended);
        return lines == null ? null : args == null && !base.isEmpty() || args != null ? Fragment.folded(lines)
                : Fragment.string(String.join(" ", lines));
    }

    /** The whole new argument list as lines: the existing words on the first, then one line per group. */
    private static List<String> lines(ServerArgs args, List<String> base, List<ServerArgs.Replacement> replacements,
            List<List<String>> appended) {
        List<String> head = words(args, base, replacements, List.of());
        for (String w : head) {
            if (!oneWord(w)) {
                return null; // would need quoting to stay one word
            }
        }
        List<String> lines = new ArrayList<>();
        if (!head.isEmpty()) {
            lines.add(String.join(" ", head));
        }
        for (List<String> g : appended) {
            lines.add(String.join(" ", g));
        }
        return lines.isEmpty() ? null : lines;
    }

    private static List<String> words(ServerArgs args, List<String> base, List<ServerArgs.Replacement> replacements,
            List<List<String>> appended) {
        List<String> words = new ArrayList<>();
        if (args == null) {
            words.addAll(base);
        } else {
            Map<Integer, ServerArgs.Replacement> byArg = new TreeMap<>();
            for (ServerArgs.Replacement r : replacements) {
                byArg.put(r.arg(), r);
            }
            List<ServerArgs.Arg> list = args.args();
            for (int i = 0; i < list.size(); i++) {
                String raw = list.get(i).raw();
                ServerArgs.Replacement r = byArg.get(i);
                words.add(r == null ? raw : raw.substring(0, r.from()) + r.text() + raw.substring(r.to()));
            }
        }
        for (List<String> g : appended) {
            words.addAll(g);
        }
        return words;
    }

    /**
     * Whether {@code w} stays one word unquoted, as the expression {@code [^\s'"\\#]+} says, read by hand (matching
     * the expression compiled it at every call). Loops rather than lambdas and streams in this class: a start would link those.
     */
    private static boolean oneWord(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (dev.composefix.model.RegexChars.space(c) || c == '\'' || c == '"' || c == '\\' || c == '#') {
                return false;
            }
        }
        return true;
    }
}
