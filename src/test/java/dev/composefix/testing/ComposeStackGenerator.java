package dev.composefix.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of valid but unusual compose files for the rewrite invariants: several
 * services of known kinds, limits in either syntax or none, health checks on colliding intervals,
 * depends_on in both forms, anchors and merge keys, flow-style services, comments between lines,
 * quoted keys, a version key, 2- or 4-space indentation, CRLF line endings and a missing final
 * line break.
 */
public final class ComposeStackGenerator {

    private static final String[] IMAGES = {"postgres:16", "redis:7", "node:22", "nginx:1.27", "mysql:8.4",
        "mongo:7", "rabbitmq:3", "python:3.12", "grafana/grafana", "docker.io/library/postgres:15-alpine",
        "bitnami/redis:7.2", "clickhouse/clickhouse-server:24", "ghcr.io/acme/api:1.2"};
    private static final String[] INTERVALS = {"10s", "15s", "20s", "30s", "1m", "45s", "5s"};

    private ComposeStackGenerator() {
    }

    public static String generate(long seed) {
        return generate(seed, 0);
    }

    /** A stack of exactly {@code services} services (when positive), otherwise as {@link #generate(long)}. */
    public static String generate(long seed, int services) {
        Random r = new Random(seed);
        int u = r.nextBoolean() ? 2 : 4;
        String i1 = " ".repeat(u);
        String i2 = i1 + i1;
        String i3 = i2 + i1;
        String i4 = i3 + i1;
        List<String> lines = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            lines.add("# generated stack " + seed);
        }
        if (r.nextInt(3) == 0) {
            lines.add("version: " + (r.nextBoolean() ? "\"3.8\"" : "'3'") + (r.nextBoolean() ? "  # old" : ""));
        }
        boolean anchors = r.nextBoolean();
        if (anchors) {
            lines.add("x-defaults: &defaults");
            lines.add(i1 + "restart: unless-stopped");
            if (r.nextBoolean()) {
                lines.add(i1 + "healthcheck: &hc");
                lines.add(i2 + "test: [\"CMD\", \"true\"]");
                lines.add(i2 + "interval: " + INTERVALS[r.nextInt(INTERVALS.length)]);
            }
            if (r.nextBoolean()) {
                lines.add(i1 + "deploy:");
                lines.add(i2 + "resources:");
                lines.add(i3 + "limits:");
                lines.add(i4 + "cpus: '0.5'");
            }
        }
        lines.add("services:");
        int drawn = 1 + r.nextInt(7);
        int n = services > 0 ? services : drawn;
        List<String> names = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            names.add("svc" + s);
        }
        for (int s = 0; s < n; s++) {
            String name = names.get(s);
            String image = IMAGES[r.nextInt(IMAGES.length)];
            if (r.nextInt(6) == 0) {
                lines.add(i1 + name + ": {image: \"" + image + "\"" + (r.nextBoolean() ? ", mem_limit: 256m" : "")
                        + "}" + (r.nextBoolean() ? "  # flow" : ""));
                continue;
            }
            lines.add(i1 + (r.nextInt(8) == 0 ? "\"" + name + "\"" : name) + ":");
            if (anchors && r.nextBoolean()) {
                lines.add(i2 + "<<: *defaults");
            }
            if (r.nextInt(5) == 0) {
                lines.add(i2 + "build: ./" + name);
            } else {
                lines.add(i2 + "image: " + (r.nextBoolean() ? image : "\"" + image + "\""));
            }
            if (r.nextInt(4) == 0) {
                lines.add(i2 + "# a comment inside " + name);
            }
            switch (r.nextInt(4)) {
                case 0 -> lines.add(i2 + "mem_limit: " + (r.nextBoolean() ? "512m" : "1g"));
                case 1 -> {
                    lines.add(i2 + "deploy:");
                    lines.add(i3 + "resources:");
                    lines.add(i4 + "limits:");
                    lines.add(i4 + i1 + "memory: 256M");
                }
                default -> { }
            }
            if (r.nextInt(3) == 0) {
                lines.add(i2 + "cpus: " + (r.nextBoolean() ? "0.5" : "'1'"));
            }
            if (r.nextInt(3) > 0) {
                lines.add(i2 + "healthcheck:");
                lines.add(i3 + "test: [\"CMD-SHELL\", \"exit 0\"]");
                if (r.nextInt(4) > 0) {
                    lines.add(i3 + "interval: " + INTERVALS[r.nextInt(INTERVALS.length)]
                            + (r.nextInt(4) == 0 ? "  # beat" : ""));
                }
                if (r.nextBoolean()) {
                    lines.add(i3 + "timeout: 3s");
                }
            }
            if (s > 0 && r.nextBoolean()) {
                lines.add(i2 + "depends_on:");
                int deps = 1 + r.nextInt(Math.min(3, s));
                boolean longForm = r.nextBoolean();
                java.util.Set<String> picked = new java.util.LinkedHashSet<>();
                while (picked.size() < deps) {
                    picked.add(names.get(r.nextInt(s)));
                }
                for (String dep : picked) {
                    if (longForm) {
                        lines.add(i3 + dep + ":");
                        lines.add(i4 + "condition: " + (r.nextBoolean() ? "service_started" : "service_healthy"));
                    } else {
                        lines.add(i3 + "- " + dep + (r.nextInt(4) == 0 ? "  # needs " + dep : ""));
                    }
                }
            }
            if (r.nextInt(4) == 0) {
                lines.add(i2 + "command: [\"sh\", \"-c\", \"echo started && sleep infinity\"]");
            }
            if (r.nextInt(5) == 0) {
                lines.add("");
            }
        }
        if (r.nextInt(3) == 0) {
            lines.add("volumes:");
            lines.add(i1 + "data: {}");
        }
        if (r.nextInt(4) == 0) {
            lines.add("# trailing comment");
        }
        String eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
        String text = String.join(eol, lines);
        return r.nextInt(5) == 0 ? text : text + eol;
    }
}
