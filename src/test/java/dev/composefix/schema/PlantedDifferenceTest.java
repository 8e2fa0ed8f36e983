package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.composefix.testing.SharedData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agreement tests' power: each of these small departures from the official schema, planted in a
 * copy of ours, gives some probe of {@link SchemaProbeTest} a different verdict. A plant that went
 * unnoticed would mean the probes miss that corner of the format, and would miss a real mistake there.
 */
class PlantedDifferenceTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, Boolean> OFFICIAL_VERDICTS = new HashMap<>();
    private static Map<String, JsonNode> officialProbes;

    static Stream<Arguments> plants() {
        SharedData.referenceSchemas(); // skips (or fails under CI) once without the shared data
        return Stream.of(
                plant("healthcheck retries integer only", s -> obj(s, "/$defs/healthcheck/properties/retries")
                        .put("type", "integer")),
                plant("watch action without sync+exec", s -> ((ArrayNode) s.at(
                        "/$defs/watchRule/properties/action/enum")).remove(4)),
                plant("gpus items closed", s -> obj(s, "/$defs/gpus/items").put("additionalProperties", false)),
                plant("container_name anchored", s -> obj(s, "/$defs/service/properties/container_name")
                        .put("pattern", "^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")),
                plant("ports without uniqueItems", s -> obj(s, "/$defs/service/properties/ports")
                        .remove("uniqueItems")),
                plant("tmpfs size minimum 1", s -> obj(s, "/$defs/mount/properties/tmpfs/properties/size")
                        .put("minimum", 1)),
                plant("service models closed", s -> obj(s, "/$defs/serviceModels").put("additionalProperties", false)),
                plant("ulimit hard optional", s -> obj(s, "/$defs/ulimits/patternProperties/^[a-z]+$")
                        .set("required", F.arrayNode().add("soft"))),
                plant("include entries allow x-", s -> obj(s, "/$defs/includeEntry")
                        .set("patternProperties", F.objectNode().set("^x-", F.objectNode()))),
                plant("use_api_socket accepts strings", s -> obj(s, "/$defs/service/properties/use_api_socket")
                        .set("type", F.arrayNode().add("boolean").add("string"))),
                plant("network external open", s -> obj(s, "/$defs/externalMarker").remove("additionalProperties")),
                plant("no pre_start", s -> obj(s, "/$defs/service/properties").remove("pre_start")),
                plant("top-level networks closed", s -> obj(s, "/properties/networks")
                        .put("additionalProperties", false)),
                plant("depends_on required accepts strings", s -> obj(s, "/$defs/dependency/properties/required")
                        .set("type", F.arrayNode().add("boolean").add("string"))),
                plant("model context_size accepts strings", s -> obj(s,
                        "/$defs/modelDefinition/properties/context_size").set("type",
                        F.arrayNode().add("integer").add("string"))),
                plant("memory limit accepts integers", s -> obj(s,
                        "/$defs/deploy/properties/resources/properties/limits/properties/memory").set("type",
                        F.arrayNode().add("string").add("integer"))),
                plant("network priority integer", s -> obj(s, "/$defs/networkAttachment/properties/priority")
                        .put("type", "integer")),
                plant("blkio rates allow x-", s -> obj(s, "/$defs/blkioRate")
                        .set("patternProperties", F.objectNode().set("^x-", F.objectNode()))),
                plant("env_file required boolean only", s -> obj(s, "/$defs/envFile/items/properties/required")
                        .put("type", "boolean")),
                plant("map values not null", s -> obj(s, "/$defs/mapOrList/patternProperties/.+")
                        .set("type", F.arrayNode().add("string").add("number").add("boolean"))),
                plant("depends_on condition optional", s -> obj(s, "/$defs/dependency").remove("required")),
                plant("service without x-", s -> obj(s, "/$defs/service").remove("patternProperties")),
                plant("secrets external closed", s -> obj(s, "/$defs/externalLooseMarker")
                        .put("additionalProperties", false)),
                plant("cpu_percent up to 99", s -> obj(s, "/$defs/service/properties/cpu_percent")
                        .put("maximum", 99)));
    }

    private static Arguments plant(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change);
    }

    private static ObjectNode obj(JsonNode schema, String pointer) {
        JsonNode n = schema.at(pointer);
        if (!(n instanceof ObjectNode o)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plants")
    void theProbesNoticeAPlantedDifference(String name, Consumer<ObjectNode> change) {
        ObjectNode planted = ComposeSchemas.oursJson().deepCopy();
        change.accept(planted);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(planted);
        int tried = 0;
        for (Map<String, JsonNode> probes : List.of(officialProbes(), SchemaProbeTest.probes(planted))) {
            for (Map.Entry<String, JsonNode> p : probes.entrySet()) {
                tried++;
                if (officialVerdict(p.getValue()) != ComposeSchemas.accepts(schema, p.getValue())) {
                    return;
                }
            }
        }
        fail("none of " + tried + " probes noticed the planted difference '" + name + "'");
    }

    private static synchronized Map<String, JsonNode> officialProbes() {
        if (officialProbes == null) {
            officialProbes = SchemaProbeTest.probes(ComposeSchemas.officialJson());
        }
        return officialProbes;
    }

    private static synchronized boolean officialVerdict(JsonNode instance) {
        return OFFICIAL_VERDICTS.computeIfAbsent(instance.toString(),
                k -> ComposeSchemas.accepts(ComposeSchemas.official(), instance));
    }
}
