package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.ByteSize;
import dev.composefix.model.Field;
import dev.composefix.model.Service;

/**
 * CF610: resource settings Docker refuses or cannot honour: a memory or CPU reservation above its
 * limit, {@code memswap_limit} below the memory limit, a CPU limit above the host's CPUs (when the
 * host is known).
 */
public final class ReservationExceedsLimit extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        Field<Long> memory = s.memoryLimit();
        Field<Long> reservation = s.reservationsMemory().isSet() ? s.reservationsMemory() : s.memReservation();
        if (memory.hasValue() && reservation.hasValue() && memory.value() > 0 && reservation.value() > memory.value()) {
            ctx.report(s, reservation.node(), "memory reservation " + ByteSize.format(reservation.value())
                    + " is above the memory limit " + ByteSize.format(memory.value()) + ": Docker refuses to create "
                    + "the container (minimum memory limit can not be less than memory reservation); lower the "
                    + "reservation or raise the limit");
        }
        Field<Long> swap = s.memswapLimit();
        if (memory.hasValue() && swap.hasValue() && swap.value() > 0 && swap.value() < memory.value()) {
            ctx.report(s, swap.node(), "memswap_limit " + ByteSize.format(swap.value()) + " is below the memory limit "
                    + ByteSize.format(memory.value()) + ": memswap_limit is memory plus swap, so Docker refuses it "
                    + "(minimum memoryswap limit should be larger than memory limit); set it to at least the memory "
                    + "limit (equal means no swap), or -1 for unlimited swap");
        }
        Field<Double> cpus = s.cpuLimit();
        Field<Double> cpuReservation = s.reservationsCpus();
        if (cpus.hasValue() && cpuReservation.hasValue() && cpus.value() > 0 && cpuReservation.value() > cpus.value()) {
            ctx.report(s, cpuReservation.node(), "CPU reservation " + LimitFix.number(cpuReservation.value())
                    + " is above the CPU limit " + LimitFix.number(cpus.value()) + ": the service can never use what "
                    + "it reserves; lower the reservation or raise the limit");
        }
        Double host = ctx.settings().host().cpus();
        if (host != null && cpus.hasValue() && cpus.value() > host) {
            ctx.report(s, cpus.node(), "CPU limit " + LimitFix.number(cpus.value()) + " is above the host's "
                    + LimitFix.number(host) + " CPUs: Docker refuses to create the container (range of CPUs is "
                    + "limited to the CPUs available); set at most " + LimitFix.number(host));
        }
    }
}
