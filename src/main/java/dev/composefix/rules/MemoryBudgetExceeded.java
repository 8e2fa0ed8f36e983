package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.engine.Severity;
import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * CF201: with a host budget known (config {@code host.memory} or {@code --host-memory}), the memory
 * limits add up to more than the host has (error), or leave less than the host's reserve (10%, at
 * least 256M) for the host itself (warning). The message names the largest consumers.
 */
public final class MemoryBudgetExceeded implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Long host = ctx.settings().host().memory();
        YEntry services = file.topLevel("services");
        if (host == null || services == null) {
            return;
        }
        long total = 0;
        int unlimited = 0;
        List<Service> limited = new ArrayList<>();
        for (Service s : file.services()) {
            Field<Long> limit = s.memoryLimit();
            if (limit.hasValue()) {
                total += limit.value();
                limited.add(s);
            } else if (!limit.isSet() && ResourceScope.judgesMissing(s)) {
                unlimited++;
            }
        }
        long budget = host - ResourcePlan.reserve(host);
        if (total <= budget) {
            return;
        }
        limited.sort(LARGEST_FIRST);
        StringBuilder largest = new StringBuilder();
        for (int i = 0; i < Math.min(3, limited.size()); i++) {
            Service s = limited.get(i);
            largest.append(i > 0 ? ", " : "").append(s.name()).append(' ')
                    .append(ByteSize.format(s.memoryLimit().value()));
        }
        boolean over = total > host;
        String message = "memory limits add up to " + ByteSize.format(total) + (over
                ? ", more than the host's " + ByteSize.format(host)
                : ", leaving less than " + ByteSize.format(host - budget) + " of the host's "
                        + ByteSize.format(host) + " for the host itself")
                + " (largest: " + largest + ")"
                + (unlimited > 0 ? "; " + unlimited + (unlimited == 1 ? " service has" : " services have")
                        + " no limit at all" : "")
                + "; lower the limits or give the stack a bigger host";
        ctx.report(null, services.key(), over ? Severity.ERROR : Severity.WARNING, message);
    }

    /** Services by their memory limit, largest first (a class rather than a lambda, which a start would link). */
    private static final java.util.Comparator<Service> LARGEST_FIRST = new LargestFirst();

    private static final class LargestFirst implements java.util.Comparator<Service> {
        @Override
        public int compare(Service a, Service b) {
            return Long.compare(b.memoryLimit().value(), a.memoryLimit().value());
        }
    }
}
