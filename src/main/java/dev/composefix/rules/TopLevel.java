package dev.composefix.rules;

import dev.composefix.model.ComposeFile;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import java.util.LinkedHashMap;
import java.util.Map;

/** The resources a file declares at its top level: volumes, networks, secrets, configs. */
final class TopLevel {

    private TopLevel() {
    }

    /** The declared names of {@code key} ({@code volumes}, ...) with their entries, in source order. */
    static Map<String, YEntry> declared(ComposeFile file, String key) {
        Map<String, YEntry> out = new LinkedHashMap<>();
        YEntry e = file.topLevel(key);
        if (e != null && e.value().resolve() instanceof YMapping m) {
            for (YEntry member : m.members()) {
                if (member.keyText() != null) {
                    out.put(member.keyText(), member);
                }
            }
        }
        return out;
    }

    /** Whether a declaration sets its own {@code name}, so that containers outside the project can share it. */
    static boolean namedForOutside(YEntry declaration) {
        return declaration.value().resolve() instanceof YMapping m && m.get("name") != null;
    }
}
