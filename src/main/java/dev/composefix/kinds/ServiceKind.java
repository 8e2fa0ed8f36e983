package dev.composefix.kinds;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What composefix knows about one kind of service (PostgreSQL, Redis, a JVM app, ...): the images it
 * matches, default resource limits, and health-check timing. Built and validated by {@link KindBuilder};
 * {@link KindTable} holds them in match order.
 *
 * @param name kebab-case name, unique in a table
 * @param category what the service is for
 * @param description one line for humans
 * @param images repository patterns ({@link ImagePattern}) in the order written; empty only for the
 *     built-app and fallback kinds
 * @param memory default memory limit in bytes
 * @param reservation default memory reservation in bytes, at most {@code memory}
 * @param floor the least memory the kind runs with when a host budget forces limits down, at most
 *     {@code reservation}
 * @param cpus default CPU limit
 * @param interval the band health-check intervals are chosen from when staggering services
 * @param timeout health-check timeout, shorter than the band's minimum
 * @param retries consecutive failures before the service is unhealthy
 * @param startPeriod grace period for slow starters, or null for services that start fast
 * @param detection the longest acceptable time to declare the service unhealthy; the band's maximum
 *     times {@code retries} plus {@code timeout} fits within it
 * @param healthcheck the health-check test in exec form ({@code CMD ...} or {@code CMD-SHELL <script>}),
 *     as written into a compose file ({@code $$} stands for a literal {@code $}), or null when no tool
 *     in the image can check health
 * @param healthcheckSource where the image's documentation or Dockerfile shows the check's tool is in
 *     the image (URL and a short quote), or null
 */
public record ServiceKind(String name, Category category, String description, List<String> images,
        long memory, long reservation, long floor, double cpus, Band interval, Duration timeout, int retries,
        Duration startPeriod, Duration detection, List<String> healthcheck, String healthcheckSource) {

    public ServiceKind {
        images = List.copyOf(images);
        healthcheck = healthcheck == null ? null : List.copyOf(healthcheck);
    }

    /** Whether the kind comes with a health check composefix can add. */
    public boolean hasHealthcheck() {
        return healthcheck != null;
    }

    /** What a service is for; later rules key on it (database ports, stop grace periods, ...). */
    public enum Category {
        DATABASE, CACHE, QUEUE, SEARCH, PROXY, MONITORING, WORKFLOW, APP, GENERIC;

        /** The name used in kinds.yaml and in the config: {@code database}, {@code cache}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The category named {@code id}, or null. */
        public static Category byId(String id) {
            for (Category c : values()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A closed range of health-check intervals. */
    public record Band(Duration min, Duration max) {
    }
}
