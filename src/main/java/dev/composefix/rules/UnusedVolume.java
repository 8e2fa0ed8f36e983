package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import dev.composefix.model.VolumeMount;
import dev.composefix.yaml.YEntry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CF608: a volume declared at the top level that no service mounts. Not judged when the file is only
 * part of a project, or when some service mounts a source given by a variable without a value (it may
 * name the volume).
 */
public final class UnusedVolume implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Map<String, YEntry> declared = TopLevel.declared(file, "volumes");
        if (declared.isEmpty() || !ProjectScope.standsAlone(file)) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (Service s : file.services()) {
            for (VolumeMount v : VolumeMount.of(s)) {
                boolean unknown = v.type() == VolumeMount.Type.UNKNOWN
                        || (v.type() == VolumeMount.Type.VOLUME && v.source() == null);
                if (unknown) {
                    return; // it may name any declared volume
                }
                if (v.named()) {
                    used.add(v.source());
                }
            }
        }
        for (Map.Entry<String, YEntry> e : declared.entrySet()) {
            if (!used.contains(e.getKey()) && !TopLevel.namedForOutside(e.getValue())) {
                ctx.report(null, e.getValue().key(), "volume '" + e.getKey() + "' is declared but no service "
                        + "mounts it: a leftover, or a mount that was meant to use it and writes to an anonymous "
                        + "volume or the container instead; mount it where its data belongs, or remove the "
                        + "declaration");
            }
        }
    }
}
