package dev.composefix.model;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import java.time.Duration;

/**
 * A service's {@code healthcheck}. Docker's defaults apply to what is not written: interval 30s,
 * timeout 30s, retries 3, start_period 0s.
 */
public record Healthcheck(YEntry entry, YMapping body, YNode test, boolean disabled,
        Field<Duration> interval, Field<Duration> timeout, Field<Duration> startPeriod, Field<Long> retries) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_RETRIES = 3;

    /** The interval in effect: the written one, Docker's default when absent, null when unknown. */
    public Duration effectiveInterval() {
        if (!interval.isSet()) {
            return DEFAULT_INTERVAL;
        }
        return interval.value();
    }

    /** The timeout in effect: the written one, Docker's default when absent, null when unknown. */
    public Duration effectiveTimeout() {
        if (!timeout.isSet()) {
            return DEFAULT_TIMEOUT;
        }
        return timeout.value();
    }
}
