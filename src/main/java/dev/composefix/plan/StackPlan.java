package dev.composefix.plan;

import dev.composefix.engine.Settings;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Dependency;
import dev.composefix.model.Field;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Service;
import dev.composefix.schedule.FiringOverlap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code composefix plan} shows for one version of a file: per service its kind, memory limit
 * and reservation, CPU limit, health-check interval and start stage; the memory total; and the
 * health-check schedule statistic (seconds in the first hour at which two or more checks fire
 * together, with every service started at the same instant).
 */
public record StackPlan(List<Row> rows, long memoryTotal, int unlimited, long busySeconds, int checks) {

    /** One service. Sizes in bytes, null when unknown or unset; stage 0 when in a depends_on cycle. */
    public record Row(String service, String kind, Long memory, Long reservation, Double cpus, Long intervalSeconds,
            int stage) {
    }

    public static StackPlan of(ComposeFile file, Settings settings) {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> stages = stages(file);
        long total = 0;
        int unlimited = 0;
        List<Long> intervals = new ArrayList<>();
        for (Service s : file.services()) {
            if (s.body() == null) {
                continue;
            }
            Field<Long> memory = s.memoryLimit();
            Field<Long> reservation = s.reservationsMemory().isSet() ? s.reservationsMemory() : s.memReservation();
            Field<Double> cpus = s.cpuLimit();
            Long interval = null;
            Healthcheck hc = s.healthcheck().orElse(null);
            if (hc != null && !hc.disabled() && hc.effectiveInterval() != null) {
                interval = Math.max(1, Math.round(hc.effectiveInterval().toMillis() / 1000.0));
                intervals.add(interval);
            }
            if (memory.hasValue()) {
                total += memory.value();
            } else {
                unlimited++;
            }
            rows.add(new Row(s.name(), settings.kindOf(s).name(), memory.hasValue() ? memory.value() : null,
                    reservation.hasValue() ? reservation.value() : null, cpus.hasValue() ? cpus.value() : null,
                    interval, stages.getOrDefault(s.name(), 0)));
        }
        return new StackPlan(rows, total, unlimited, FiringOverlap.busySeconds(intervals), intervals.size());
    }

    /**
     * The start stage of each service: 1 without dependencies in the file, else one more than its
     * latest dependency; 0 for services in a depends_on cycle.
     */
    static Map<String, Integer> stages(ComposeFile file) {
        Map<String, List<String>> deps = new HashMap<>();
        for (Service s : file.services()) {
            List<String> d = new ArrayList<>();
            for (Dependency dep : s.dependsOn()) {
                if (file.service(dep.service()) != null) {
                    d.add(dep.service());
                }
            }
            deps.put(s.name(), d);
        }
        Map<String, Integer> stage = new HashMap<>();
        for (String name : deps.keySet()) {
            stage(name, deps, stage, new HashMap<>());
        }
        return stage;
    }

    /** Iterative depth-first stage computation (no recursion: stacks can be deep). */
    private static void stage(String start, Map<String, List<String>> deps, Map<String, Integer> stage,
            Map<String, Boolean> onPath) {
        if (stage.containsKey(start)) {
            return;
        }
        List<String> stack = new ArrayList<>();
        stack.add(start);
        onPath.put(start, true);
        while (!stack.isEmpty()) {
            String top = stack.get(stack.size() - 1);
            String next = null;
            int max = 0;
            boolean cycle = false;
            for (String d : deps.get(top)) {
                Integer st = stage.get(d);
                if (st == null && onPath.containsKey(d)) {
                    cycle = true;
                } else if (st == null) {
                    next = d;
                    break;
                } else if (st == 0) {
                    cycle = true;
                } else {
                    max = Math.max(max, st);
                }
            }
            if (next != null) {
                stack.add(next);
                onPath.put(next, true);
                continue;
            }
            stage.put(top, cycle ? 0 : max + 1);
            onPath.remove(top);
            stack.remove(stack.size() - 1);
        }
    }

    /** The statistic for "simply spacing intervals 5 seconds apart" with as many checks. */
    public long naiveBusySeconds() {
        return FiringOverlap.naiveBusySeconds(checks);
    }
}
