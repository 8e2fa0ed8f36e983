package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.model.ByteSize;
import dev.composefix.model.Service;
import java.util.List;

/**
 * The fixes of missing-memory-limit and missing-cpu-limit: add the planned limit in the syntax the
 * service already uses ({@code deploy.resources} or the short {@code mem_limit}/{@code cpus} keys),
 * with a memory reservation when the service has none.
 */
final class LimitFix {

    private LimitFix() {
    }

    private static final String[] SHORT_KEYS = {"mem_limit", "mem_reservation", "memswap_limit", "cpus", "cpu_shares",
        "cpu_quota"};

    /** What each form of the CPU fix writes (made once: a lint fixes every service). */
    private static final java.util.Set<String> WRITES_CPUS = java.util.Set.of("cpus");
    private static final java.util.Set<String> WRITES_LIMITS_CPUS = java.util.Set.of("deploy.resources.limits.cpus");

    /** Whether the service writes its resources with the short keys rather than {@code deploy.resources}. */
    static boolean shortSyntax(Service s) {
        if (s.entry("deploy", "resources") != null) {
            return false;
        }
        for (String key : SHORT_KEYS) {
            if (s.has(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The memory limit (and reservation); in {@code deploy.resources}, also the CPU limit {@code cpus}
     * when not null (see {@link #cpusAlong}).
     */
    static Fix memory(Service s, ResourcePlan.Limits limits, String cpus, RuleContext ctx) {
        String memory = ByteSize.format(limits.memory());
        boolean reserve = !s.reservationsMemory().isSet() && !s.memReservation().isSet();
        String reservation = ByteSize.format(limits.reservation());
        if (shortSyntax(s)) {
            Fragment.Mapping tree = reserve
                    ? Fragment.mapping("mem_limit", Fragment.string(memory), "mem_reservation", Fragment.string(reservation))
                    : Fragment.mapping("mem_limit", Fragment.string(memory));
            return fix(s, ctx, tree, "limit memory to " + memory, List.of(Fix.path("services", s.name(), "mem_limit"), Fix.path("services", s.name(), "mem_reservation")));
        }
        Fragment.Mapping limitsTree = cpus == null ? Fragment.mapping("memory", Fragment.string(memory))
                : Fragment.mapping("memory", Fragment.string(memory), "cpus", Fragment.quoted(cpus));
        Fragment.Mapping resources = reserve
                ? Fragment.mapping("limits", limitsTree,
                        "reservations", Fragment.mapping("memory", Fragment.string(reservation)))
                : Fragment.mapping("limits", limitsTree);
        return fix(s, ctx, Fragment.mapping("deploy", Fragment.mapping("resources", resources)),
                "limit memory to " + memory + (cpus == null ? "" : " and CPUs to " + cpus),
                List.of(Fix.path("services", s.name(), "deploy")));
    }

    /**
     * The CPU limit the memory fix writes beside the memory limit, or null for none. In
     * {@code deploy.resources}, both limits often go into the same new mapping ({@code deploy},
     * {@code resources} or {@code limits}), and two fixes that add the same new mapping cannot share a
     * pass: the CPU limit would wait for a rewrite pass of its own (the whole file parsed and linted
     * once more). So the memory fix carries it, as missing-cpu-limit (CF102) would write it, where that
     * rule would report the service and apply its fix ({@link RuleContext#mayFixFor}). The short keys
     * ({@code mem_limit}, {@code cpus}) are different keys of the service and share a pass already.
     */
    static String cpusAlong(Service s, RuleContext ctx) {
        if (s.cpuLimit().isSet() || !ResourceScope.judgesMissing(s) || shortSyntax(s)
                || !ctx.mayFixFor(MissingCpuLimit.CODE, s, s.key().span())) {
            return null;
        }
        return number(ResourcePlan.cpus(s, ctx.settings()));
    }

    /**
     * The CPU limit, in the syntax the service uses: so it never changes which syntax the memory fix
     * writes, and says it writes the CPU limit alone (the memory plan need not wait for it); {@code cpus} is the
     * limit as {@link #number} writes it.
     */
    static Fix cpus(Service s, String cpus, RuleContext ctx) {
        Fix fix;
        if (shortSyntax(s)) {
            fix = fix(s, ctx, Fragment.mapping("cpus", Fragment.raw(cpus)), "limit CPUs to " + cpus,
                    List.of(Fix.path("services", s.name(), "cpus")));
            return fix == null ? null : fix.writing(WRITES_CPUS);
        }
        fix = fix(s, ctx, Fragment.mapping("deploy", Fragment.mapping("resources",
                        Fragment.mapping("limits", Fragment.mapping("cpus", Fragment.quoted(cpus))))),
                "limit CPUs to " + cpus, List.of(Fix.path("services", s.name(), "deploy")));
        return fix == null ? null : fix.writing(WRITES_LIMITS_CPUS);
    }

    private static Fix fix(Service s, RuleContext ctx, Fragment.Mapping tree, String title, List<String> targets) {
        return ServiceEdit.fix(s, ctx, tree, title, targets);
    }

    /**
     * {@code d} written as a CPU count ({@code 1}, {@code 0.5}): kept once written in a small table, as
     * a lint asks for the few values of the service kinds once or twice per service.
     */
    static String number(double d) {
        long bits = Double.doubleToLongBits(d);
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 58); // the product's top 6 bits: 64 slots, all bits mixed
        Written w = WRITTEN[slot];
        if (w != null && w.bits() == bits) {
            return w.text();
        }
        String text = write(d);
        WRITTEN[slot] = new Written(bits, text);
        return text;
    }

    /** A number as written, for the value whose bits are {@code bits} (immutable: threads share the table). */
    private record Written(long bits, String text) {
    }

    /**
     * The table, read and written without locks: a slot holds null or a whole {@code Written} (its fields are
     * final, so a thread that sees the reference sees them), and a lost write only costs writing a number
     * again. A plain array rather than an atomic one, whose variable handle linked a dozen classes of
     * java.lang.invoke at every start.
     */
    private static final Written[] WRITTEN = new Written[64];

    /** {@code d} written anew: a whole number without a point, else the shortest plain decimal. */
    static String write(double d) {
        if (d == Math.rint(d)) {
            return String.valueOf((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
