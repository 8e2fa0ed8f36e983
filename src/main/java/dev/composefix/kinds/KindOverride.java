package dev.composefix.kinds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the config key {@code kinds}: the fields to change on a kind, or a whole new kind.
 *
 * <p>{@code fields} maps scalar field names ({@link KindBuilder#FIELDS} without {@code images}; the
 * interval band as {@code interval.min} and {@code interval.max}) to their text exactly as read, such as
 * {@code memory: 768M} or {@code healthcheck: "curl -fsS http://127.0.0.1:8080/health"} (a
 * {@code CMD-SHELL} script). {@code images} replaces the kind's image patterns and {@code healthcheck}
 * its exec-form test ({@code [NONE]} drops it); null leaves them as they are. A new kind needs
 * {@code images}; its other fields start as the generic kind's.
 *
 * @param fields scalar fields by name, in the order the config lists them
 * @param images image patterns, or null
 * @param healthcheck exec-form health-check test, or null
 */
public record KindOverride(Map<String, String> fields, List<String> images, List<String> healthcheck) {

    public KindOverride {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        images = images == null ? null : List.copyOf(images);
        healthcheck = healthcheck == null ? null : List.copyOf(healthcheck);
    }

    /** An override of scalar fields only. */
    public static KindOverride of(Map<String, String> fields) {
        return new KindOverride(fields, null, null);
    }
}
