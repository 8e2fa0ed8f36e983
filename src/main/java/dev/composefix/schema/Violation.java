package dev.composefix.schema;

import java.util.List;

/**
 * One schema violation as a validator reports it, before it is put into words: the keyword that
 * failed, where in the instance (names and indexes from the root), and what the words need: the
 * offending property (additionalProperties, required), the properties the schema allows there, the
 * allowed values (enum), the value found, the types found and expected (type), and the validator's
 * own message for the other keywords.
 */
record Violation(String keyword, List<Object> path, String property, List<String> allowed, List<String> values,
        String actual, String found, String expected, String message) {
}
