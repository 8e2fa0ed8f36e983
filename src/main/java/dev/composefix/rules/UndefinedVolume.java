package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import dev.composefix.model.VolumeMount;
import java.util.Set;

/**
 * CF603: a service mounts a named volume that the top-level {@code volumes} does not declare. Host
 * paths, anonymous volumes, tmpfs and sources given by a variable without a value are not names.
 */
public final class UndefinedVolume implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (!ProjectScope.standsAlone(file)) {
            return;
        }
        Set<String> declared = TopLevel.declared(file, "volumes").keySet();
        for (Service s : file.services()) {
            for (VolumeMount v : VolumeMount.of(s)) {
                if (!v.named() || declared.contains(v.source())) {
                    continue;
                }
                String name = v.source();
                ctx.report(s, v.sourceNode(), "volume '" + name + "' is not declared under the top-level "
                        + "'volumes:', so Compose refuses the file (refers to undefined volume); declare it (volumes: {"
                        + name + ": {}}), or write ./" + name + " if you meant a directory beside the file");
            }
        }
    }
}
