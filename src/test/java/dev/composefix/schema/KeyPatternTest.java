package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.Repo;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A patternProperties pattern's quick answers are the ones its matcher gives, for every kind of key. */
class KeyPatternTest {

    private static final List<String> REGEXES = List.of("^x-", "^[a-zA-Z0-9._-]+$", "^.+$", ".+", "^[a-z]+$",
            "^[a-z0-9]+$", "^[-a-z]+$", "^[a-z-]+$", "^[^a-z]+$", "^[a-z]*$", "[a-z]+", "^x-[a-z]+$", "^[A-Z_]+$",
            "^[0-9]+$", "^[a-z\\d]+$");

    @Test
    void quickAnswersAreTheMatchersAnswers() {
        Random r = new Random(7);
        String alphabet = "abcxyzABCXYZ019._-x- \t\n\r\u0085\u2028é€😀:/@[]^$";
        for (String regex : REGEXES) {
            CompiledSchema.KeyPattern p = CompiledSchema.KeyPattern.of(regex);
            Pattern reference = Pattern.compile(regex);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder key = new StringBuilder();
                int n = r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    key.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String k = key.toString();
                assertEquals(reference.matcher(k).find(), p.find(k), regex + " on '" + k + "'");
            }
            for (String k : List.of("", "x-", "x-a", "web", "web-1", "my_service.v2", "a\n", "a\r\n", "\n", "-", "A")) {
                assertEquals(reference.matcher(k).find(), p.find(k), regex + " on '" + k + "'");
            }
        }
    }

    /**
     * The expressions of our schemas are compiled when first needed, not when a schema is: each still
     * compiles, so none can fail a run that meets it.
     */
    @Test
    void everyExpressionOfOurSchemasCompiles() throws Exception {
        List<java.nio.file.Path> schemas;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(Repo.root().resolve("schemas"))) {
            schemas = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int compiled = 0;
        for (java.nio.file.Path file : schemas) {
            java.util.ArrayDeque<dev.composefix.yaml.YNode> todo = new java.util.ArrayDeque<>();
            todo.push(JsonReader.read(file.toString(), java.nio.file.Files.readString(file)));
            while (!todo.isEmpty()) {
                dev.composefix.yaml.YNode n = todo.pop();
                if (n instanceof dev.composefix.yaml.YMapping m) {
                    for (dev.composefix.yaml.YEntry e : m.entries()) {
                        if (e.keyText().equals("pattern") && e.value() instanceof dev.composefix.yaml.YScalar v) {
                            Pattern.compile(v.value());
                            compiled++;
                        } else if (e.keyText().equals("patternProperties")
                                && e.value() instanceof dev.composefix.yaml.YMapping props) {
                            for (dev.composefix.yaml.YEntry p : props.entries()) {
                                CompiledSchema.KeyPattern.of(p.keyText()).pattern();
                                compiled++;
                            }
                        }
                        if (e.value() != null) {
                            todo.push(e.value());
                        }
                    }
                } else if (n instanceof dev.composefix.yaml.YSequence q) {
                    for (dev.composefix.yaml.YNode item : q.items()) {
                        todo.push(item);
                    }
                }
            }
        }
        assertEquals(true, compiled >= 10, "expressions found in " + schemas + ": " + compiled);
    }
}
