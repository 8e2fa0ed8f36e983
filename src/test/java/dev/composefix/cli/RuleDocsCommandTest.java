package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.rules.Rules;
import dev.composefix.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** composefix rules (table and JSON) and composefix explain, from the rule metadata. */
class RuleDocsCommandTest {

    private static final List<RuleMetadata> RULES = Rules.catalog().metadata();

    @Test
    void rulesListsEveryRuleWithStatusAndVersion() {
        CliRun r = CliRun.run("rules");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(RULES.size() + 1, lines.size(), r.out());
        assertTrue(lines.get(0).matches("code +name +severity +fix +status +since +what it reports"), lines.get(0));
        for (int i = 0; i < RULES.size(); i++) {
            RuleMetadata m = RULES.get(i);
            assertTrue(lines.get(i + 1).matches(m.code() + " +" + m.name() + " +" + m.severity().id() + " +"
                    + m.fix().id() + " +" + m.status() + " +" + java.util.regex.Pattern.quote(m.since()) + " +.+"),
                    lines.get(i + 1));
            assertTrue(lines.get(i + 1).endsWith(m.summary()), lines.get(i + 1));
        }
    }

    @Test
    void rulesAsJson() throws Exception {
        CliRun r = CliRun.run("rules", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("version").asInt());
        assertEquals(RULES.size(), root.get("rules").size());
        for (int i = 0; i < RULES.size(); i++) {
            JsonNode rule = root.get("rules").get(i);
            RuleMetadata m = RULES.get(i);
            assertEquals(m.code(), rule.get("code").asText());
            assertEquals(m.name(), rule.get("name").asText());
            assertEquals(m.status(), rule.get("status").asText());
            assertEquals(m.since(), rule.get("since").asText());
            assertEquals(m.fix().id(), rule.get("fix").asText());
            assertEquals(m.options().size(), rule.get("options").size());
        }
        assertEquals(2, CliRun.run("rules", "--format", "xml").exit());
    }

    @Test
    void explainByNameOrCodeShowsEveryPartOfTheDocs() {
        for (RuleMetadata m : RULES) {
            CliRun byCode = CliRun.run("explain", m.code());
            CliRun byName = CliRun.run("explain", m.name().toUpperCase(java.util.Locale.ROOT));
            assertEquals(0, byCode.exit(), byCode.err());
            assertEquals(byCode.out(), byName.out());
            String out = byCode.out();
            assertTrue(out.startsWith(m.code() + " " + m.name() + ": " + m.summary() + "\n"), out);
            assertTrue(out.contains("status: " + m.status() + " (since " + m.since() + ")"), out);
            for (String heading : List.of("What it does", "Why it matters", "Bad", "Good", "Fix (")) {
                assertTrue(out.contains("\n" + heading), m.name() + " lacks " + heading + ":\n" + out);
            }
            for (String doc : m.docs().values()) {
                String first = doc.lines().findFirst().orElse("").strip();
                assertTrue(out.contains(first), m.name() + ": '" + first + "' missing from\n" + out);
            }
            for (var o : m.options()) {
                assertTrue(out.contains("  " + o.name() + " (") && out.contains(o.description()), out);
            }
        }
    }

    @Test
    void explainOfAnUnknownRuleSuggestsOne() {
        CliRun r = CliRun.run("explain", "missing-memory-limt");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown rule 'missing-memory-limt' (did you mean 'missing-memory-limit'?)"), r.err());
        assertEquals(2, CliRun.run("explain").exit());
    }
}
