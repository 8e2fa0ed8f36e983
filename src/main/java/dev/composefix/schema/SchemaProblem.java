package dev.composefix.schema;

import dev.composefix.yaml.Span;

/** One schema violation: where in the YAML source, and what is wrong in plain words. */
public record SchemaProblem(Span span, String message) {
}
