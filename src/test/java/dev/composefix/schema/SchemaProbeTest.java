package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our schema and the official one agree on probes of every place either schema describes (see
 * {@link SchemaProbe}): where the corpus and its mutants test what real files contain, the probes test
 * the whole format, down to a tmpfs mount's size and an external secret's keys, with every kind of
 * value. Deterministic: no seed.
 */
class SchemaProbeTest {

    /** Probes on which the schemas are meant to disagree, with the reason: none (see CorpusAgreementTest). */
    static final Map<String, String> INTENDED_DIFFERENCES = Map.of();

    /** Every probe of both schemas, by description; the same file reached twice is kept once. */
    static Map<String, JsonNode> probes(JsonNode... schemas) {
        Map<String, JsonNode> byText = new LinkedHashMap<>();
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode schema : schemas) {
            SchemaProbe probe = new SchemaProbe(schema);
            for (SchemaProbe.Position p : probe.positions()) {
                for (Map.Entry<String, JsonNode> v : probe.palette(p).entrySet()) {
                    JsonNode instance = probe.build(p, v.getValue());
                    if (byText.putIfAbsent(instance.toString(), instance) == null) {
                        out.put(p.pointer() + " = " + v.getKey() + ": " + instance, instance);
                    }
                }
            }
        }
        return out;
    }

    /** The probes on which {@code candidate} and the official schema give different verdicts. */
    static List<String> disagreements(Map<String, JsonNode> probes, Schema candidate, Map<String, String> intended) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : probes.entrySet()) {
            List<Error> official = ComposeSchemas.errors(ComposeSchemas.official(), p.getValue());
            List<Error> ours = ComposeSchemas.errors(candidate, p.getValue());
            boolean agree = official.isEmpty() == ours.isEmpty();
            if (agree == intended.containsKey(p.getKey())) {
                out.add(p.getKey() + "\n  official" + ComposeSchemas.describe(official) + "\n  ours"
                        + ComposeSchemas.describe(ours));
            }
        }
        return out;
    }

    @Test
    void everyPlaceOfTheFormatGetsTheOfficialVerdict() {
        Map<String, JsonNode> probes = probes(ComposeSchemas.oursJson(), ComposeSchemas.officialJson());
        assertTrue(probes.size() > 10_000, "expected many probes, made " + probes.size());
        List<String> disagreements = disagreements(probes, ComposeSchemas.ours(), INTENDED_DIFFERENCES);
        long rejected = probes.values().stream()
                .filter(p -> !ComposeSchemas.accepts(ComposeSchemas.official(), p)).count();
        System.out.println("schema agreement on probes: " + (probes.size() - disagreements.size()) + " of "
                + probes.size() + " (positions: ours " + new SchemaProbe(ComposeSchemas.oursJson()).positions().size()
                + ", official " + new SchemaProbe(ComposeSchemas.officialJson()).positions().size()
                + "); the official schema rejects " + (100 * rejected / probes.size()) + "% of them");
        assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements, the first 40:\n"
                + String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))));
    }
}
