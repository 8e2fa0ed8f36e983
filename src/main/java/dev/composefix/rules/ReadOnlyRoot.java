package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.Service;
import dev.composefix.model.VolumeMount;
import java.util.EnumSet;
import java.util.Set;

/**
 * CF620: no {@code read_only} key. Data stores (databases, caches, queues, search engines) are only
 * reported when they mount a writable volume or directory, where their data can live; without one,
 * a read-only root would leave them nowhere to write. An explicit {@code read_only: false} is a decision
 * and is not reported; services that only overlay or extend another service are not judged.
 */
public final class ReadOnlyRoot extends ServiceRule {

    private static final Set<ServiceKind.Category> DATA_STORES = EnumSet.of(ServiceKind.Category.DATABASE,
            ServiceKind.Category.CACHE, ServiceKind.Category.QUEUE, ServiceKind.Category.SEARCH);

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(s) || s.has("read_only")) {
            return;
        }
        if (DATA_STORES.contains(ctx.settings().kindOf(s).category()) && !writableMount(s)) {
            return;
        }
        ctx.report(s, s.key(), "'" + s.name() + "' has a writable root filesystem: an intruder can change its "
                + "binaries and configuration, and whatever it writes outside its volumes is lost with the container; "
                + "set read_only: true and give the paths it writes a volume or a tmpfs (tmpfs: [/tmp])");
    }

    private static boolean writableMount(Service s) {
        for (VolumeMount v : VolumeMount.of(s)) {
            if ((v.type() == VolumeMount.Type.VOLUME || v.type() == VolumeMount.Type.BIND) && !v.readOnly()) {
                return true;
            }
        }
        return false;
    }
}
