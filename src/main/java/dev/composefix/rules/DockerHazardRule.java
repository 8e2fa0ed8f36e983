package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ScriptContext;
import dev.composefix.engine.ScriptRule;
import dev.composefix.engine.ServiceRule;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.model.CommandLine;
import dev.composefix.model.Service;
import dev.composefix.script.ArgvSnippet;
import dev.composefix.script.ScriptFile;
import dev.composefix.script.ShellSnippet;
import dev.composefix.shell.DockerFinding;
import dev.composefix.shell.DockerHazard;
import dev.composefix.shell.HazardSearch;
import dev.composefix.shell.ParsedScript;
import dev.composefix.shell.ShellScript;
import dev.composefix.yaml.ScalarSource;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule for one docker command hazard, checked in both places commands are written: a service's
 * {@code command}, {@code entrypoint}, {@code healthcheck.test} and lifecycle hooks, and the commands of script
 * files. The hazard decides what is found ({@link HazardSearch} applies it the same way to every source); the
 * rule words the message, may lower the severity and may offer a fix for scripts.
 */
abstract class DockerHazardRule extends ServiceRule implements ScriptRule {

    /** The hazard this rule reports. */
    protected abstract DockerHazard hazard();

    /** The message for a finding. */
    protected abstract String message(DockerFinding f);

    /** The severity of a finding; null for the rule's default. */
    protected Severity severity(DockerFinding f) {
        return null;
    }

    /**
     * The fix for a finding in a script file at {@code [start, end)} of {@code snippet}'s text, or null. Only
     * shell texts found in the file as written ({@link ShellSnippet#editable()}) are offered to this.
     */
    protected Fix scriptFix(ScriptFile file, ShellSnippet snippet, DockerFinding f) {
        return null;
    }

    @Override
    protected final void checkService(Service service, RuleContext ctx) {
        List<CommandLine> lines = new ArrayList<>();
        Optional<CommandLine> command = service.command();
        if (command.isPresent()) {
            lines.add(command.get());
        }
        Optional<CommandLine> entrypoint = service.entrypoint();
        if (entrypoint.isPresent()) {
            lines.add(entrypoint.get());
        }
        Optional<CommandLine> test = service.healthcheckTest();
        if (test.isPresent()) {
            lines.add(test.get());
        }
        lines.addAll(service.lifecycleHooks());
        YamlDocument doc = service.file().document();
        for (CommandLine line : lines) {
            if (line.list() && !line.shell()) {
                List<String> argv = new ArrayList<>();
                for (YScalar part : line.parts()) {
                    argv.add(Unescaped.of(part.value()).text());
                }
                for (HazardSearch.Hit h : HazardSearch.inArgv(argv, hazard())) {
                    YScalar part = line.parts().get(Math.min(h.element(), line.parts().size() - 1));
                    report(service, ctx, doc, part, h, h.start() < 0);
                }
                continue;
            }
            for (YScalar part : line.parts()) {
                String text = Unescaped.of(part.value()).text();
                if (!HazardSearch.mayRunContainerTool(text)) {
                    continue; // no container CLI to find: not parsed
                }
                for (HazardSearch.Hit h : HazardSearch.inScript(parsed(doc, text), hazard())) {
                    report(service, ctx, doc, part, h, false);
                }
            }
        }
    }

    /**
     * The parse of a shell text of {@code doc}: each hazard's rule looks at the same commands of a file in
     * turn, and parsing them was most of what these rules cost. This thread's parses of the file it lints
     * are kept until it moves to another file (a parse is a value: the same for the same text).
     */
    private static ParsedScript parsed(YamlDocument doc, String text) {
        Parses known = PARSES.get();
        if (known.doc.get() != doc) {
            known.doc = new java.lang.ref.WeakReference<>(doc); // not keeping the file's tree after its lint
            known.byText.clear();
        }
        ParsedScript p = known.byText.get(text);
        if (p == null) {
            p = ShellScript.parseScript(text);
            known.byText.put(text, p);
        }
        return p;
    }

    private static final class Parses {
        java.lang.ref.WeakReference<YamlDocument> doc = new java.lang.ref.WeakReference<>(null);
        final java.util.Map<String, ParsedScript> byText = new java.util.HashMap<>();
    }

    private static final ThreadLocal<Parses> PARSES = new ThreadLocal<>() {
        @Override
        protected Parses initialValue() {
            return new Parses();
        }
    };

    private void report(Service service, RuleContext ctx, YamlDocument main, YScalar part, HazardSearch.Hit h,
            boolean whole) {
        // The text the scalar is written in: an included or extended file's, when the service comes from one
        // (its offsets are into that text; the project's first file's text threw or pointed elsewhere).
        YamlDocument doc = part.start().source() == null ? null : service.file().document(part.start().source());
        if (doc == null) {
            doc = main;
        }
        Unescaped u = Unescaped.of(part.value());
        Span span = part.span();
        int fromIndex = whole ? 0 : h.start();
        int toIndex = whole ? u.text().length() : h.end();
        int from = ScalarSource.offset(doc, part, u.rawIndex(fromIndex));
        int to = ScalarSource.offset(doc, part, u.rawIndex(toIndex));
        if (from >= 0 && to >= from) {
            span = new Span(doc.lines().at(from), doc.lines().at(to));
        }
        Severity s = severity(h.finding());
        if (s == null) {
            ctx.report(service, span, message(h.finding()));
        } else {
            ctx.report(service, span, s, message(h.finding()));
        }
    }

    @Override
    public final void checkScript(ScriptFile file, ScriptContext ctx) {
        for (int i = 0; i < file.snippets().size(); i++) {
            ShellSnippet snippet = file.snippets().get(i);
            for (HazardSearch.Hit h : HazardSearch.inScript(file.parses().get(i), hazard())) {
                Fix fix = snippet.editable() ? scriptFix(file, snippet, h.finding()) : null;
                int from = snippet.start(h.start());
                // A command continued over several lines is reported from its first line, up to the flag.
                int first = snippet.start(h.finding().command().command().words().get(0).start());
                if (file.lines().at(first).line() < file.lines().at(from).line()) {
                    from = first;
                }
                report(file, ctx, from, snippet.end(h.end()), h.finding(), fix);
            }
        }
        for (ArgvSnippet argv : file.argvs()) {
            for (HazardSearch.Hit h : HazardSearch.inArgv(argv.argv(), hazard())) {
                ShellSnippet element = argv.elements().get(h.element());
                int length = element.text().length();
                int from = element.start(h.start() < 0 ? 0 : h.start());
                int to = element.end(h.start() < 0 ? length : h.end());
                report(file, ctx, from, to, h.finding(), null);
            }
        }
    }

    private void report(ScriptFile file, ScriptContext ctx, int from, int to, DockerFinding f, Fix fix) {
        Span span = new Span(file.lines().at(from), file.lines().at(Math.max(from, to)));
        Severity s = severity(f);
        if (s == null) {
            ctx.report(span, message(f), fix);
        } else {
            ctx.report(span, s, message(f), fix);
        }
    }

    /**
     * Compose reads {@code $$} as a literal {@code $}; the shell must see it that way, and positions must
     * still map back to the written text. Most texts have no {@code $$}: they are their own unescaped text,
     * with no copy and no map ({@code map} null: every position maps to itself).
     */
    record Unescaped(String text, int[] map) {
        static Unescaped of(String raw) {
            if (raw.indexOf("$$") < 0) {
                return new Unescaped(raw, null);
            }
            StringBuilder b = new StringBuilder(raw.length());
            int[] map = new int[raw.length() + 1];
            int n = 0;
            for (int i = 0; i < raw.length(); i++) {
                map[n] = i;
                b.append(raw.charAt(i));
                n++;
                if (raw.charAt(i) == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '$') {
                    i++;
                }
            }
            map[n] = raw.length();
            return new Unescaped(b.toString(), map);
        }

        int rawIndex(int i) {
            int at = Math.max(0, Math.min(i, text.length()));
            return map == null ? at : map[at];
        }
    }
}
