package dev.composefix.engine;

/**
 * A rule as one run uses it: the rule, its metadata, the severity config forces on all its findings
 * (or null to keep the rule's own), and its option values.
 */
public record ActiveRule(Rule rule, RuleMetadata meta, Severity severityOverride, RuleOptions options) {
}
