package dev.composefix.model;

import dev.composefix.yaml.YNode;

/**
 * One entry of a service's {@code environment}, from the map form ({@code KEY: value}) or the list
 * form ({@code - KEY=value}); {@code value} is null for a name without a value (taken from the shell
 * where the stack runs).
 */
public record EnvironmentVariable(String name, YNode node, Interpolated value) {
}
