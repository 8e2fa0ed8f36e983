package dev.composefix.engine;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;

/** A rule that looks at one service at a time, the common case. */
public abstract class ServiceRule implements Rule {

    @Override
    public final void check(ComposeFile file, RuleContext ctx) {
        for (Service service : file.services()) {
            checkService(service, ctx);
        }
    }

    protected abstract void checkService(Service service, RuleContext ctx);
}
