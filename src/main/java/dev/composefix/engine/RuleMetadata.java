package dev.composefix.engine;

import dev.composefix.fix.FixSafety;
import java.util.List;
import java.util.Map;

/**
 * What {@code rules/<name>.yaml} declares about a rule: identity (stable code, kebab-case name),
 * default severity, category, summary, fix safety, lifecycle status, the version it appeared in,
 * options, and its documentation under fixed headings ({@link #DOC_HEADINGS}).
 */
public record RuleMetadata(String code, String name, Severity severity, String category, String summary,
        FixSafety fix, String status, String since, List<RuleOption> options, Map<String, String> docs) {

    /** The documentation headings every rule fills, in order. */
    public static final List<String> DOC_HEADINGS = List.of("description", "rationale", "bad", "good", "fix");

    public RuleMetadata {
        options = List.copyOf(options);
        docs = docs instanceof RuleMetadataReader.LazyDocs ? docs : Map.copyOf(docs); // read when first asked for
    }

    public RuleOption option(String optionName) {
        for (RuleOption o : options) {
            if (o.name().equals(optionName)) {
                return o;
            }
        }
        return null;
    }
}
