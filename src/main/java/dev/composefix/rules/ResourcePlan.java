package dev.composefix.rules;

import dev.composefix.engine.Host;
import dev.composefix.engine.Settings;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory and CPU limits {@code rewrite} gives the services of one file that have none: each
 * kind's default, fitted into the host budget when one is known (memory minus a reserve for the host,
 * minus the limits the file already sets): scaled down proportionally, never below a kind's floor or
 * the service's own reservation. When even the floors do not fit, it says so ({@link #fits()}).
 */
final class ResourcePlan {

    /** The limits planned for one service. */
    record Limits(ServiceKind kind, long memory, long reservation) {
    }

    private final Map<String, Limits> planned = new LinkedHashMap<>();
    private final long existing;
    private final Long budget;
    private final boolean fits;

    private ResourcePlan(ComposeFile file, Settings settings) {
        Host host = settings.host();
        long known = 0;
        List<Service> missing = new ArrayList<>();
        for (Service s : file.services()) {
            Field<Long> limit = s.memoryLimit();
            if (limit.hasValue()) {
                known += limit.value();
            } else if (!limit.isSet() && ResourceScope.judgesMissing(s)) {
                missing.add(s);
            }
        }
        this.existing = known;
        this.budget = host.memory() == null ? null : host.memory() - reserve(host.memory());
        long available = budget == null ? Long.MAX_VALUE : budget - known;
        List<ServiceKind> kinds = new ArrayList<>();
        long[] owns = new long[missing.size()]; // each service's own reservation, read once
        long wanted = 0;
        long floors = 0;
        for (int i = 0; i < missing.size(); i++) {
            Service s = missing.get(i);
            ServiceKind k = kindOf(s, settings);
            kinds.add(k);
            long own = reservationOf(s);
            owns[i] = own;
            wanted += Math.max(k.memory(), own);
            floors += Math.max(k.floor(), own);
        }
        double factor = wanted <= available ? 1.0 : scale(owns, kinds, available);
        this.fits = floors <= available;
        for (int i = 0; i < missing.size(); i++) {
            Service s = missing.get(i);
            ServiceKind k = kinds.get(i);
            long own = owns[i];
            long memory = Math.max(Math.max(k.floor(), own), roundMiB((long) (k.memory() * factor)));
            long reservation = Math.min(k.reservation(), memory);
            planned.put(s.name(), new Limits(k, memory, reservation));
        }
    }

    static ResourcePlan of(ComposeFile file, Settings settings) {
        return new ResourcePlan(file, settings);
    }

    /** The CPU limit for a service: its kind's, never more than the host has. */
    static double cpus(Service s, Settings settings) {
        double k = kindOf(s, settings).cpus();
        Double host = settings.host().cpus();
        return host == null ? k : Math.min(k, host);
    }

    /** The memory kept for the host itself: 10% of it, at least 256 MiB. */
    static long reserve(long hostMemory) {
        return Math.max(256L << 20, hostMemory / 10);
    }

    /** The kind of a service (see {@link Settings#kindOf}). */
    static ServiceKind kindOf(Service s, Settings settings) {
        return settings.kindOf(s);
    }

    /** The service's own memory reservation (deploy or short syntax), 0 when none is known. */
    static long reservationOf(Service s) {
        Field<Long> r = s.reservationsMemory().isSet() ? s.reservationsMemory() : s.memReservation();
        return r.hasValue() ? r.value() : 0;
    }

    /**
     * The factor that makes the scaled limits (each at least its floor) add up to {@code available}:
     * found by bisection, since the floors make the sum piecewise linear ({@code owns}: each service's
     * own reservation).
     */
    private static double scale(long[] owns, List<ServiceKind> kinds, long available) {
        double lo = 0;
        double hi = 1;
        for (int iter = 0; iter < 60; iter++) {
            double mid = (lo + hi) / 2;
            long sum = 0;
            for (int i = 0; i < kinds.size(); i++) {
                ServiceKind k = kinds.get(i);
                sum += Math.max(Math.max(k.floor(), owns[i]), (long) (k.memory() * mid));
            }
            if (sum <= available) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Rounds down to whole MiB, so limits read like 384M rather than 402653183. */
    private static long roundMiB(long bytes) {
        return (bytes >> 20) << 20;
    }

    Limits limits(String service) {
        return planned.get(service);
    }

    /** The memory limits the file sets today, summed over services whose limit is known. */
    long existing() {
        return existing;
    }

    /** Host memory minus the reserve, or null when no host budget is known. */
    Long budget() {
        return budget;
    }

    /** Whether the planned limits fit the budget (always, when there is none). */
    boolean fits() {
        return fits;
    }

    long plannedTotal() {
        long t = 0;
        for (Limits l : planned.values()) {
            t += l.memory();
        }
        return t;
    }
}
