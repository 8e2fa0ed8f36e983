package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.engine.Spelling;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Dependency;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * CF601: a {@code depends_on} entry names a service the file does not define. Files that are only
 * part of a project (see {@link ProjectScope}) are not judged.
 */
public final class DependsOnUnknownService implements Rule {

    /** Above this many services, no "did you mean" is computed (it compares the name with every service). */
    private static final int HINT_LIMIT = 2_000;

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (!ProjectScope.standsAlone(file)) {
            return;
        }
        List<Service> services = file.services();
        List<String> names = new ArrayList<>(services.size());
        for (Service s : services) {
            names.add(s.name());
        }
        for (Service s : services) {
            for (Dependency d : s.dependsOn()) {
                if (file.service(d.service()) != null || !known(file, d)) {
                    continue;
                }
                String hint = names.size() <= HINT_LIMIT ? Spelling.closest(d.service(), names) : null;
                ctx.report(s, d.node(), "'" + s.name() + "' depends on '" + d.service() + "', which is not a "
                        + "service of this project: Compose refuses to start the project (depends on undefined service); "
                        + (hint != null ? "did you mean '" + hint + "'?" : "define it, or remove the entry"));
            }
        }
    }

    /** A short-form entry written as a variable without a value names nothing we can check. */
    private static boolean known(ComposeFile file, Dependency d) {
        if (d.longForm()) {
            return true;
        }
        Interpolated t = file.text(d.node());
        return t != null && t.known();
    }
}
