package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Secrets;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;

/**
 * CF701: a secret written in plain text in {@code environment}, {@code build.args} or {@code labels}:
 * a value under a secret name ({@link Secrets#secretName}) that is not a reference or a placeholder,
 * or a value shaped like a credential under any name. The message never quotes the value.
 */
public final class SecretInEnvironment extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        check(s, ctx, s.value("environment"), "environment variable", "environment");
        YNode build = s.value("build");
        if (build != null && build.resolve() instanceof YMapping b) {
            check(s, ctx, b.value("args"), "build argument", "args");
        }
        check(s, ctx, s.value("labels"), "label", "labels");
    }

    private static void check(Service s, RuleContext ctx, YNode section, String what, String where) {
        if (section == null) {
            return;
        }
        if (section.resolve() instanceof YMapping map) {
            for (YEntry e : map.members()) {
                if (e.value() != null && e.value().resolve() instanceof YScalar v && !v.isNull()) {
                    check(s, ctx, e.value(), e.keyText(), v.value(), what, where);
                }
            }
        } else if (section.resolve() instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                if (item.resolve() instanceof YScalar v) {
                    int eq = v.value().indexOf('=');
                    if (eq > 0) {
                        check(s, ctx, item, v.value().substring(0, eq), v.value().substring(eq + 1), what, where);
                    }
                }
            }
        }
    }

    private static void check(Service s, RuleContext ctx, YNode at, String name, String value, String what,
            String where) {
        if (name == null) {
            return;
        }
        String kind = null;
        if (Secrets.secretName(name) && Secrets.secretValue(value)) {
            kind = "a secret";
        } else {
            kind = Secrets.credentialKind(value);
        }
        if (kind == null) {
            return;
        }
        String instead = where.equals("args")
                ? "pass it as a build secret (build.secrets, RUN --mount=type=secret) instead; build arguments "
                        + "stay in the image's history"
                : where.equals("labels")
                        ? "labels are readable by anyone who can inspect the container; keep the secret out of them"
                        : "use secrets: (mounted as a file under /run/secrets) or ${" + envName(name) + "} from an "
                                + "env file kept out of version control";
        ctx.report(s, at, what + " '" + name + "' of '" + s.name() + "' holds " + kind + " in plain text: anyone "
                + "who can read the file or the repository has it; " + instead);
    }

    /** The variable name to suggest for a reference: the name itself when it is one. */
    private static String envName(String name) {
        return dev.composefix.model.Interpolator.isName(name, 0, name.length()) ? name : "VAR";
    }
}
