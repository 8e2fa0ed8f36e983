package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Field;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CF606: two services with the same {@code container_name} (after interpolation). Services that are
 * alternatives (both behind profiles, none shared) are not reported.
 */
public final class DuplicateContainerName implements Rule {

    /** A service with a container name, and its profiles. */
    private record Named(Service service, Set<String> profiles) {
    }

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Map<String, List<Named>> byName = new HashMap<>();
        for (Service s : file.services()) {
            Field<String> name = containerName(s);
            if (!name.hasValue() || name.value().isBlank()) {
                continue;
            }
            Named named = new Named(s, Profiles.of(s));
            String key = name.value().strip();
            List<Named> earlier = byName.get(key);
            if (earlier == null) {
                earlier = new ArrayList<>();
                byName.put(key, earlier);
            }
            Named clash = null;
            for (Named e : earlier) {
                if (!Profiles.alternatives(e.profiles(), named.profiles())) {
                    clash = e;
                    break;
                }
            }
            earlier.add(named);
            if (clash == null) {
                continue;
            }
            Service first = clash.service();
            ctx.report(s, name.node(), "container_name '" + name.value().strip() + "' is also the container name of '"
                    + first.name() + "' (line " + containerName(first).node().start().line() + "): Docker allows one "
                    + "container per name, so one of them fails to start (the container name is already in use); "
                    + "give each its own name, or drop container_name and let Compose name them");
        }
    }

    /** {@code container_name} after interpolation. */
    private static Field<String> containerName(Service s) {
        YEntry e = s.entry("container_name");
        if (e == null) {
            return Field.absent();
        }
        Interpolated t = s.file().text(e.value());
        if (t == null) {
            return Field.invalid(e.value(), null);
        }
        return t.known() ? Field.of(t.text(), e.value(), t.text()) : Field.unknown(e.value(), null);
    }
}
