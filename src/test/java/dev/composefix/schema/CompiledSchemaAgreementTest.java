package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.composefix.model.Interpolator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled compose schema ({@link CompiledSchema}, what CF501 runs) finds exactly what networknt's
 * validator finds with the same schema: the same violations, at the same nodes, in the same words, on
 * every corpus file (interpolated with the .env beside it), on seeded mutants of them, and on files
 * generated from the schema. A failure names the file or the seed (replay with -Dcomposefix.seed=N).
 */
class CompiledSchemaAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a check found, as comparable text: offset, line:column and message, in offset then message order. */
    private static List<String> found(SchemaCheck check, YNode root, Function<YScalar, String> text) {
        List<String> out = new ArrayList<>();
        for (SchemaProblem p : check.check(root, text, n -> false)) {
            out.add(p.span().start().offset() + " " + p.span().start().line() + ":" + p.span().start().column()
                    + "-" + p.span().end().offset() + " " + p.message());
        }
        out.sort(Comparator.comparingInt((String s) -> Integer.parseInt(s.substring(0, s.indexOf(' '))))
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static String disagreement(String what, List<String> compiled, List<String> reference) {
        return what + "\n  compiled:  " + String.join("\n             ", compiled)
                + "\n  reference: " + String.join("\n             ", reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schemas/compose.schema.json", "/schemas/config.schema.json",
            "/schemas/baseline.schema.json"})
    void shippedSchemasCompile(String schema) {
        assertTrue(SchemaCheck.resource(schema).compiled(), schema + " uses a keyword CompiledSchema does not know,"
                + " so it runs on networknt (slow to start); teach CompiledSchema the keyword");
    }

    @Test
    void everyCorpusFileGetsTheSameViolations() throws IOException {
        Path corpus = SharedData.corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted().toList();
        }
        SchemaCheck compiled = SchemaCheck.resource(ComposeSchemas.OURS);
        SchemaCheck reference = SchemaCheck.reference(ComposeSchemas.OURS);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        int violations = 0;
        for (Path file : files) {
            YamlDocument doc;
            try {
                doc = new YamlLoader().load(Files.readAllBytes(file));
            } catch (YamlException e) {
                continue; // CF001 reports it; there is nothing to validate
            }
            if (doc.root() == null) {
                continue;
            }
            Interpolator interpolator = new Interpolator(CorpusInstances.variablesBeside(file));
            Function<YScalar, String> text = s -> interpolator.apply(s.value()).text();
            List<String> a = found(compiled, doc.root(), text);
            List<String> b = found(reference, doc.root(), text);
            checked++;
            violations += b.size();
            if (!a.equals(b)) {
                disagreements.add(disagreement(corpus.relativize(file).toString(), a, b));
            }
        }
        System.out.println("compiled schema on the corpus: " + checked + " files, " + violations
                + " violations, " + disagreements.size() + " disagreements");
        assertTrue(checked >= 300, "the corpus should hold about 300 loadable compose files, found " + checked);
        assertTrue(violations > 0, "some corpus files break the schema, so the comparison covers violations");
        assertEquals(List.of(), disagreements);
    }

    static Stream<Long> seeds() {
        SharedData.corpus();
        return Seeds.of(20261123L, 120);
    }

    /** Mutants of corpus files (see {@link Mutants}), written as JSON text and read back as YAML. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutantsGetTheSameViolations(long seed) {
        List<String> disagreements = new ArrayList<>();
        int violations = 0;
        for (Mutants.Mutant m : Mutants.of(seed, 25)) {
            violations += compare(ComposeSchemas.OURS, m.describe(), m.instance(), disagreements);
        }
        final int total = violations;
        assertTrue(disagreements.isEmpty(), () -> Seeds.replay(seed) + " (" + total + " violations)\n"
                + String.join("\n", disagreements));
    }

    /** Whole files generated from our schema, a few values broken at random. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedFilesGetTheSameViolations(long seed) {
        Random random = new Random(seed);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SchemaValueGenerator gen = new SchemaValueGenerator(ComposeSchemas.oursJson(), random, 0.05);
            JsonNode file = gen.generate(gen.at(""), 0);
            compare(ComposeSchemas.OURS, "generated file " + i, file, disagreements);
        }
        assertTrue(disagreements.isEmpty(), () -> Seeds.replay(seed) + "\n" + String.join("\n", disagreements));
    }

    /** Config and baseline files generated from their schemas, a few values broken at random. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedConfigsAndBaselinesGetTheSameViolations(long seed) throws IOException {
        Random random = new Random(seed);
        List<String> disagreements = new ArrayList<>();
        for (String schema : List.of("/schemas/config.schema.json", "/schemas/baseline.schema.json")) {
            JsonNode json = JSON.readTree(ReferenceValidator.bytes(schema));
            for (int i = 0; i < 10; i++) {
                SchemaValueGenerator gen = new SchemaValueGenerator(json, random, 0.08);
                compare(schema, schema + " instance " + i, gen.generate(json, 0), disagreements);
            }
        }
        assertTrue(disagreements.isEmpty(), () -> Seeds.replay(seed) + "\n" + String.join("\n", disagreements));
    }

    private static int compare(String schema, String what, JsonNode instance, List<String> disagreements) {
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(instance); // JSON is YAML
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        YNode root;
        try {
            root = new YamlLoader().load(text).root();
        } catch (YamlException e) {
            throw new AssertionError(what + ": its JSON does not load as YAML: " + e.getMessage(), e);
        }
        List<String> a = found(SchemaCheck.resource(schema), root, YScalar::value);
        List<String> b = found(SchemaCheck.reference(schema), root, YScalar::value);
        if (!a.equals(b)) {
            disagreements.add(disagreement(what + "\n" + text, a, b));
        }
        return b.size();
    }
}
