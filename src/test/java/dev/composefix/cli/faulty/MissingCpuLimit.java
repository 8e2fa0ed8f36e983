package dev.composefix.cli.faulty;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;

/** A deliberately broken stand-in for rule missing-cpu-limit: it throws on a service named "boom". */
public final class MissingCpuLimit implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (file.service("boom") != null) {
            throw new IllegalStateException("simulated bug");
        }
    }
}
