package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.Settings;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.plan.StackPlan;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rewrite's promise for health-check schedules: with every service started together, the seconds
 * in the first hour at which two or more checks fire together are at most a fifth of what spacing
 * the intervals 5 s apart (45 s, 50 s, 55 s, ...) gives for as many services. Checked on stacks of a
 * realistic mix of kinds, all starting on the same 30 s beat.
 */
class StaggerPromiseTest {

    private static final String[] IMAGES = {"postgres:16", "node:22", "redis:7", "python:3.12", "rabbitmq:3",
        "mysql:8.4", "grafana/grafana", "eclipse-temurin:21", "mongo:7", "clickhouse/clickhouse-server:24",
        "nginx:1.27", "golang:1.23", "prom/prometheus", "n8nio/n8n", "minio/minio", "traefik:v3"};

    static IntStream sizes() {
        return IntStream.rangeClosed(2, 20);
    }

    @ParameterizedTest(name = "{0} services")
    @MethodSource("sizes")
    void busySecondsAfterRewriteAreAtMostAFifthOfNaiveSpacing(int n) throws Exception {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < n; i++) {
            b.append("  s").append(i).append(":\n    image: ").append(IMAGES[i % IMAGES.length])
                    .append("\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 30s\n");
        }
        ComposeFile file = new ComposeLoader().load("stack.yaml", b.toString(), Variables.NONE);
        RewriteResult r = new Rewriter(dev.composefix.testing.TestLinters.allRules(), Variables.NONE, false).rewrite("stack.yaml", file);
        StackPlan after = StackPlan.of(new ComposeLoader().load("stack.yaml", r.text(), Variables.NONE),
                Settings.defaults());
        long naive = after.naiveBusySeconds();
        assertTrue(after.busySeconds() * 5 <= naive, () -> n + " services: " + after.busySeconds()
                + " busy seconds after rewrite, naive spacing gives " + naive + "\n" + r.text());
    }
}
