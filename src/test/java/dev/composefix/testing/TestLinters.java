package dev.composefix.testing;

import dev.composefix.engine.ActiveRule;
import dev.composefix.engine.Linter;
import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOptions;
import dev.composefix.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Linters for tests: rules with their default options, no config, nothing excluded. */
public final class TestLinters {

    private TestLinters() {
    }

    /** Every rule of the catalog. */
    public static Linter allRules() {
        return rules(m -> true);
    }

    /** The rules whose metadata {@code which} accepts. */
    public static Linter rules(Predicate<RuleMetadata> which) {
        return rules(which, Map.of());
    }

    /** The rules whose metadata {@code which} accepts, with the options {@code options} gives by rule code. */
    public static Linter rules(Predicate<RuleMetadata> which, Map<String, Map<String, String>> options) {
        RuleCatalog catalog = Rules.catalog();
        List<ActiveRule> active = new ArrayList<>();
        for (Rule r : catalog.rules()) {
            RuleMetadata m = catalog.metadata(r);
            if (which.test(m)) {
                active.add(new ActiveRule(r, m, null, new RuleOptions(m, options.getOrDefault(m.code(), Map.of()))));
            }
        }
        return new Linter(catalog, active, f -> false);
    }
}
