package dev.composefix.engine;

import dev.composefix.model.ComposeFile;

/**
 * A check over one compose file. Its identity is its class: class {@code MissingMemoryLimit} is rule
 * {@code missing-memory-limit}, described by {@code rules/missing-memory-limit.yaml}.
 */
public interface Rule {

    void check(ComposeFile file, RuleContext ctx);

    /** The rule's kebab-case name, derived from its class name. */
    default String name() {
        return RuleCatalog.kebab(getClass().getSimpleName());
    }
}
