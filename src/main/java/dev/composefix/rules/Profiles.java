package dev.composefix.rules;

import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.HashSet;
import java.util.Set;

/** Compose profiles: a service with profiles starts only when one of them is enabled. */
final class Profiles {

    private Profiles() {
    }

    /** The service's profiles; empty when it has none (it always starts) or one is unknown. */
    static Set<String> of(Service s) {
        Set<String> out = new HashSet<>();
        if (s.value("profiles") instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                Interpolated t = s.file().text(item);
                if (t == null || !t.known()) {
                    return Set.of();
                }
                out.add(t.text());
            }
        }
        return out;
    }

    /**
     * Whether two services are alternatives: both have profiles and share none, so they start
     * together only when someone enables two profiles on purpose.
     */
    static boolean alternatives(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        for (String p : a) {
            if (b.contains(p)) {
                return false;
            }
        }
        return true;
    }
}
