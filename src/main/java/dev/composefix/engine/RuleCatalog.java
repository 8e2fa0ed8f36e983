package dev.composefix.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every rule composefix knows, with its metadata, found by code ({@code CF101}) or name
 * ({@code missing-memory-limit}).
 */
public final class RuleCatalog {

    private final List<Rule> rules;
    private final Map<String, RuleMetadata> byKey = new LinkedHashMap<>();
    private final Map<String, RuleMetadata> byRule = new LinkedHashMap<>();
    private final List<RuleMetadata> all = new ArrayList<>();

    /**
     * @param rules the rules that check files
     * @param builtIn names of rules the engine itself reports (parse errors), which have metadata but no
     *     {@link Rule} object
     */
    public RuleCatalog(List<Rule> rules, List<String> builtIn) {
        this.rules = List.copyOf(rules);
        for (String name : builtIn) {
            add(RuleMetadataReader.load(name));
        }
        for (Rule r : rules) {
            RuleMetadata m = RuleMetadataReader.load(r.name());
            add(m);
            byRule.put(r.name(), m);
        }
        all.sort(ByCode.INSTANCE);
    }

    /** Metadata by rule code (a class rather than a lambda, which a start would have to link). */
    private static final class ByCode implements java.util.Comparator<RuleMetadata> {
        static final ByCode INSTANCE = new ByCode();

        @Override
        public int compare(RuleMetadata a, RuleMetadata b) {
            return a.code().compareTo(b.code());
        }
    }

    private void add(RuleMetadata m) {
        if (byKey.put(m.code().toLowerCase(Locale.ROOT), m) != null
                || byKey.put(m.name().toLowerCase(Locale.ROOT), m) != null) {
            throw new IllegalStateException("duplicate rule code or name: " + m.code() + " " + m.name());
        }
        all.add(m);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** All rules' metadata, sorted by code. */
    public List<RuleMetadata> metadata() {
        return Collections.unmodifiableList(all);
    }

    /** Every rule's name, in code order (for "did you mean" suggestions). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (RuleMetadata m : all) {
            out.add(m.name());
        }
        return out;
    }

    public RuleMetadata metadata(Rule rule) {
        return byRule.get(rule.name());
    }

    /** The rule with this code or name (case-insensitive), or null. */
    public RuleMetadata find(String codeOrName) {
        return byKey.get(codeOrName.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code MissingMemoryLimit} becomes {@code missing-memory-limit}. */
    public static String kebab(String className) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    b.append('-');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
