package dev.composefix.model;

import dev.composefix.yaml.YNode;

/**
 * One {@code depends_on} entry. {@code node} is the list item (short form) or the key (long form);
 * {@code condition} is null in the short form, which Compose treats as {@code service_started}.
 */
public record Dependency(String service, YNode node, boolean longForm, String condition, YNode conditionNode) {

    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    /** The condition in effect. */
    public String effectiveCondition() {
        return condition == null ? STARTED : condition;
    }
}
