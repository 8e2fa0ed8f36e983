package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Interpolated;
import dev.composefix.schema.SchemaCheck;
import dev.composefix.schema.SchemaProblem;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * CF501: a file breaks the Compose Specification (schemas/compose.schema.json): every violation, at
 * the node it concerns, with a "did you mean" for misspelled keys. Each file of a project is checked
 * on its own, after interpolation with defaults (so {@code cpus: ${CPUS:-0.5}} is a number); a
 * violation that only a value from the environment where the stack runs could decide is not reported.
 */
public final class SchemaViolation implements Rule {

    /** The schema this rule checks files against. */
    public static final String SCHEMA = "/schemas/compose.schema.json";

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        for (YamlDocument doc : file.documents()) {
            if (doc.root() == null) {
                ctx.report(null, Span.at(doc.lines().at(0)), "the file is empty: a compose file holds at least "
                        + "services (or networks, volumes, secrets, configs, include)");
                continue;
            }
            List<SchemaProblem> problems = SchemaCheck.resource(SCHEMA).check(doc.root(), new Text(file),
                    new Unknown(file));
            for (SchemaProblem p : problems) {
                ctx.report(null, p.span(), p.message());
            }
        }
    }

    /** {@link #text} of one file. A class rather than a lambda, which a start would have to link. */
    private static final class Text implements Function<YScalar, String> {
        private final ComposeFile file;

        Text(ComposeFile file) {
            this.file = file;
        }

        @Override
        public String apply(YScalar s) {
            return text(file, s);
        }
    }

    /** {@link #unknown} of one file. A class rather than a lambda, which a start would have to link. */
    private static final class Unknown implements Predicate<YNode> {
        private final ComposeFile file;

        Unknown(ComposeFile file) {
            this.file = file;
        }

        @Override
        public boolean test(YNode node) {
            return unknown(file, node);
        }
    }

    private static String text(ComposeFile file, YScalar s) {
        Interpolated t = s.isNull() ? null : file.text(s);
        return t == null ? s.value() : t.text();
    }

    /** Whether the node holds a value interpolation could not resolve here (bounded look). */
    private static boolean unknown(ComposeFile file, YNode node) {
        List<YNode> todo = new ArrayList<>();
        todo.add(node);
        for (int seen = 0; !todo.isEmpty() && seen < 10_000; seen++) {
            YNode n = todo.remove(todo.size() - 1).resolve();
            if (n instanceof YScalar s && !s.isNull()) {
                Interpolated t = file.text(s);
                if (t != null && !t.known()) {
                    return true;
                }
            } else if (n instanceof YMapping m) {
                for (YEntry e : m.members()) {
                    todo.add(e.value());
                }
            } else if (n instanceof YSequence seq) {
                todo.addAll(seq.items());
            }
        }
        return false;
    }
}
