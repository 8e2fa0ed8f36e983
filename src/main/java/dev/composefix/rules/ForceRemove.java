package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.CommandLine;
import dev.composefix.model.Service;
import dev.composefix.shell.ArgvCommand;
import dev.composefix.shell.DockerCommand;
import dev.composefix.shell.DockerFinding;
import dev.composefix.shell.ForcedRemoval;
import dev.composefix.shell.ShellScript;
import dev.composefix.shell.SimpleCommand;
import dev.composefix.shell.Word;
import dev.composefix.yaml.ScalarSource;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CF105: a service's command, entrypoint, health-check test or lifecycle hook force-removes or kills
 * containers. Commands are read by the shell tokenizer (so quoted text and comments are not
 * commands), including scripts inside {@code sh -c}; the finding points at the offending flag when
 * the scalar is written verbatim, else at the scalar.
 */
public final class ForceRemove extends ServiceRule {

    private static final ForcedRemoval HAZARD = new ForcedRemoval();

    @Override
    protected void checkService(Service service, RuleContext ctx) {
        List<CommandLine> lines = new ArrayList<>();
        service.command().ifPresent(lines::add);
        service.entrypoint().ifPresent(lines::add);
        service.healthcheckTest().ifPresent(lines::add);
        lines.addAll(service.lifecycleHooks());
        for (CommandLine line : lines) {
            check(service, line, ctx);
        }
    }

    private static void check(Service service, CommandLine line, RuleContext ctx) {
        YamlDocument doc = service.file().document();
        if (line.list() && !line.shell()) {
            List<String> argv = new ArrayList<>();
            for (YScalar part : line.parts()) {
                argv.add(unescapeDollars(part.value()).text);
            }
            for (ArgvCommand ac : ShellScript.fromArgv(argv)) {
                Optional<DockerFinding> f = DockerCommand.parse(ac.command()).flatMap(HAZARD::find);
                if (f.isPresent()) {
                    int element = ac.scripted() ? ac.element() : ac.elementOf(f.get().word());
                    YScalar part = line.parts().get(Math.max(0, element));
                    report(service, ctx, doc, part, f.get());
                }
            }
            return;
        }
        for (YScalar part : line.parts()) {
            for (SimpleCommand c : ShellScript.parse(unescapeDollars(part.value()).text)) {
                DockerCommand.parse(c).flatMap(HAZARD::find).ifPresent(f -> report(service, ctx, doc, part, f));
            }
        }
    }

    private static void report(Service service, RuleContext ctx, YamlDocument doc, YScalar part, DockerFinding f) {
        Unescaped u = unescapeDollars(part.value());
        Word w = f.word();
        int from = ScalarSource.offset(doc, part, u.rawIndex(w.start()));
        int to = ScalarSource.offset(doc, part, u.rawIndex(w.end()));
        Span span = from >= 0 && to >= from
                ? new Span(doc.lines().at(from), doc.lines().at(to)) : part.span();
        boolean image = f.pattern().contains("rmi") || f.pattern().contains("image r");
        String why = image
                ? " removes images that containers may still use, with no check and no prompt"
                : " stops containers with SIGKILL: no SIGTERM, no time to flush data or close connections";
        ctx.report(service, span, "'" + f.pattern() + "'" + why + "; instead: " + f.alternative());
    }

    /**
     * Compose reads {@code $$} as a literal {@code $}; the shell must see it that way, and positions
     * must still map back to the written text.
     */
    private static Unescaped unescapeDollars(String raw) {
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

    /** Text after {@code $$} became {@code $}, with the raw index of each of its chars. */
    private record Unescaped(String text, int[] map) {
        int rawIndex(int i) {
            return map[Math.max(0, Math.min(i, text.length()))];
        }
    }
}
