package dev.composefix.report;

import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOption;
import dev.composefix.fix.FixSafety;

/**
 * A rule's documentation from {@code rules/<name>.yaml}, rendered as plain text ({@code composefix
 * explain}, SARIF {@code help.text}) or Markdown (SARIF {@code help.markdown}).
 */
public final class RuleHelp {

    private RuleHelp() {
    }

    /** What {@code composefix explain} prints. */
    public static String text(RuleMetadata m) {
        StringBuilder b = new StringBuilder();
        b.append(m.code()).append(' ').append(m.name()).append(": ").append(m.summary()).append("\n\n");
        b.append("severity: ").append(m.severity().id()).append("   category: ").append(m.category())
                .append("   status: ").append(m.status()).append(" (since ").append(m.since()).append(")\n");
        section(b, "What it does", m.docs().get("description"), "  ");
        section(b, "Why it matters", m.docs().get("rationale"), "  ");
        section(b, "Bad", m.docs().get("bad"), "    ");
        section(b, "Good", m.docs().get("good"), "    ");
        section(b, "Fix (" + safety(m.fix()) + ")", m.docs().get("fix"), "  ");
        if (!m.options().isEmpty()) {
            b.append("\nOptions (in .composefix.yml: rules: {").append(m.name()).append(": {options: {...}}})\n");
            for (RuleOption o : m.options()) {
                b.append("  ").append(o.name()).append(" (").append(o.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(", default ").append(o.defaultValue()).append(")\n");
                b.append("      ").append(o.description()).append('\n');
            }
        }
        b.append("\nIn .composefix.yml, 'rules: {").append(m.name()).append(": off}' turns it off and 'rules: {")
                .append(m.name()).append(": error}' changes its severity;\n'# composefix: ignore[").append(m.name())
                .append("]' silences it on one line.\n");
        return b.toString();
    }

    /** The same documentation in Markdown. */
    public static String markdown(RuleMetadata m) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(m.code()).append(' ').append(m.name()).append("**: ").append(m.summary()).append("\n\n");
        b.append("Severity ").append(m.severity().id()).append(", category ").append(m.category()).append(", ")
                .append(m.status()).append(" since ").append(m.since()).append(".\n");
        b.append("\n## What it does\n\n").append(trimmed(m.docs().get("description"))).append('\n');
        b.append("\n## Why it matters\n\n").append(trimmed(m.docs().get("rationale"))).append('\n');
        b.append("\n## Bad\n\n").append(fenced(m.docs().get("bad")));
        b.append("\n## Good\n\n").append(fenced(m.docs().get("good")));
        b.append("\n## Fix\n\n*").append(safety(m.fix())).append(".* ").append(trimmed(m.docs().get("fix"))).append('\n');
        if (!m.options().isEmpty()) {
            b.append("\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n");
            for (RuleOption o : m.options()) {
                b.append("| `").append(o.name()).append("` | ").append(o.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | `").append(o.defaultValue()).append("` | ")
                        .append(o.description().replace("|", "\\|").replace('\n', ' ')).append(" |\n");
            }
        }
        return b.toString();
    }

    /** How a fix of this safety is applied, in a few words. */
    public static String safety(FixSafety s) {
        return switch (s) {
            case SAFE -> "safe: composefix rewrite applies it";
            case UNSAFE -> "unsafe: composefix rewrite --unsafe-fixes applies it";
            case DISPLAY_ONLY -> "display-only: shown as a suggestion, never applied";
            case NONE -> "no automatic fix";
        };
    }

    /**
     * Hard-wrapped prose as flowing text: lines of a paragraph joined by spaces, paragraphs separated by
     * a blank line, list items and indented lines kept on their own lines.
     */
    public static String unwrap(String text) {
        StringBuilder b = new StringBuilder();
        boolean paragraphStart = true;
        for (String line : trimmed(text).split("\n", -1)) {
            String s = line.strip();
            if (s.isEmpty()) {
                b.append("\n\n");
                paragraphStart = true;
                continue;
            }
            if (!paragraphStart) {
                boolean ownLine = s.startsWith("- ") || s.startsWith("* ") || s.matches("\\d+\\. .*")
                        || line.startsWith(" ");
                b.append(ownLine ? "\n" : " ");
            }
            b.append(s);
            paragraphStart = false;
        }
        return b.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static void section(StringBuilder b, String heading, String body, String indent) {
        b.append('\n').append(heading).append('\n');
        for (String line : trimmed(body).split("\n", -1)) {
            b.append(line.isEmpty() ? "" : indent + line).append('\n');
        }
    }

    private static String fenced(String code) {
        String fence = code.contains("```") ? "~~~~" : "```";
        return fence + "yaml\n" + trimmed(code) + "\n" + fence + "\n";
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.stripTrailing();
    }
}
