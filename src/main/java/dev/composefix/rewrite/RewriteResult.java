package dev.composefix.rewrite;

import dev.composefix.engine.Finding;
import java.util.List;

/**
 * What a rewrite did: the new text (without a byte-order mark; {@code bom} says whether to write one),
 * the findings its fixes repaired, the findings left (unfixable, display-only or unsafe), and how many
 * lint-and-fix passes it took.
 */
public record RewriteResult(String original, String text, boolean bom, List<Finding> fixed, List<Finding> remaining,
        int passes) {

    public RewriteResult {
        fixed = List.copyOf(fixed);
        remaining = List.copyOf(remaining);
    }

    public boolean changed() {
        return !original.equals(text);
    }
}
