package dev.composefix.report;

import dev.composefix.engine.RuleCatalog;

/**
 * How reporters render: with terminal colours or not (text), the base URL that markdown links a
 * file's lines under (or null), the rule catalog (for the rule metadata SARIF carries), and
 * composefix's version.
 */
public record ReportOptions(boolean color, String linkBase, RuleCatalog catalog, String version) {
}
