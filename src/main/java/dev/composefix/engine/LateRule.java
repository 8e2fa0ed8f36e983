package dev.composefix.engine;

/**
 * A rule that runs after every other rule's findings were filtered by suppressions, because it
 * judges the suppressions themselves.
 */
public interface LateRule extends Rule {
}
