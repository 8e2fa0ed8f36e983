package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * CF101: no {@code deploy.resources.limits.memory} and no {@code mem_limit}. Fix: the service kind's
 * limit and reservation, fitted into the host budget when one is known.
 */
public final class MissingMemoryLimit implements Rule {

    /**
     * What the plan reads of each service: its memory limit and reservation, whether it is judged at
     * all (image, build, extends) and its kind (image, build). Which syntax its fix writes
     * ({@code deploy.resources} or the short keys) also depends on the CPU keys, but the only fix that
     * writes those (missing-cpu-limit's) writes them in the syntax the service already uses, so it
     * never changes that choice; any other fix under {@code deploy} names {@code deploy} and is waited for.
     */
    static final java.util.Set<String> READS = java.util.Set.of("deploy.resources.limits.memory",
            "deploy.resources.reservations.memory", "mem_limit", "mem_reservation", "memswap_limit", "image",
            "build", "extends");

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        List<Service> missing = new ArrayList<>();
        for (Service service : file.services()) {
            if (ResourceScope.judgesMissing(service) && !service.memoryLimit().isSet()) {
                missing.add(service);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        // The limits are fitted into one budget together, so they are added together: one fix for all.
        ResourcePlan plan = ResourcePlan.of(file, ctx.settings());
        List<Fix> parts = new ArrayList<>();
        for (Service service : missing) {
            boolean silenced = !ctx.reported(service, service.key().span());
            if (silenced) {
                parts.add(null);
                continue;
            }
            ResourcePlan.Limits limits = plan.limits(service.name());
            if (!ctx.rewriting()) {
                parts.add(LimitFix.memory(service, limits, null, ctx));
                continue;
            }
            // A rewrite: the fix also writes what follows from the new limit, so it needs no pass of its own.
            String cpus = LimitFix.cpusAlong(service, ctx);
            parts.add(PlannedTuning.with(LimitFix.memory(service, limits, cpus, ctx), service, limits.memory(), cpus,
                    ctx));
        }
        Fix all = combined(parts);
        for (int i = 0; i < missing.size(); i++) {
            Service service = missing.get(i);
            ResourcePlan.Limits limits = plan.limits(service.name());
            ctx.report(service, service.key(), "service '" + service.name() + "' has no memory limit: one leak or "
                    + "load spike can take all of the host's memory; set deploy.resources.limits.memory (or "
                    + "mem_limit), e.g. " + ByteSize.format(limits.memory()) + " as for its kind ("
                    + limits.kind().name() + ")", Fix.planPart(all, parts.get(i), READS, true));
        }
    }

    private static Fix combined(List<Fix> parts) {
        try {
            Fix all = Fix.combine("limit the memory of every service that has no limit", parts);
            return all == null ? null : all.asPlan(READS).leading();
        } catch (IllegalArgumentException e) {
            return null; // the parts' edits overlap: each goes on its own
        }
    }
}
