package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.engine.Finding;
import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleMetadataReader;
import dev.composefix.schema.SchemaCheck;
import dev.composefix.schema.SchemaProblem;
import dev.composefix.testing.Repo;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the rule catalog honest: every rule class has metadata and every metadata file a class,
 * metadata follows its schema, codes and names are unique, every rule has positive and negative
 * fixtures, each rule's documented bad example triggers it and its good example does not, and
 * README's rule table is generated from the metadata.
 */
class RuleCatalogTest {

    private static final String TABLE_START = "<!-- rules:start (generated from rules/*.yaml; "
            + "mvn test -Dcomposefix.updateReadme=true) -->";
    private static final String TABLE_END = "<!-- rules:end -->";

    static Stream<Path> metadataFiles() throws IOException {
        try (Stream<Path> s = Files.list(Repo.root().resolve("rules"))) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metadataFiles")
    void metadataFollowsItsSchemaAndNamesItsFile(Path file) throws Exception {
        assertTrue(file.getFileName().toString().endsWith(".yaml"), "only rule metadata lives in rules/: " + file);
        byte[] bytes = Files.readAllBytes(file);
        List<SchemaProblem> problems = SchemaCheck.resource("/schemas/rule.schema.json")
                .check(new YamlLoader().load(bytes).root());
        assertTrue(problems.isEmpty(), () -> file + ": " + problems);
        RuleMetadata meta = RuleMetadataReader.read(file.toString(), bytes);
        assertEquals(file.getFileName().toString(), meta.name() + ".yaml");
        assertEquals(RuleMetadata.DOC_HEADINGS, new ArrayList<>(meta.docs().keySet().stream()
                .sorted((a, b) -> RuleMetadata.DOC_HEADINGS.indexOf(a) - RuleMetadata.DOC_HEADINGS.indexOf(b))
                .toList()));
    }

    @Test
    void everyMetadataFileHasAClassAndEveryClassHasMetadata() throws Exception {
        Set<String> metadataNames = new TreeSet<>();
        for (Path f : metadataFiles().toList()) {
            metadataNames.add(f.getFileName().toString().replace(".yaml", ""));
        }
        Set<String> classNames = new TreeSet<>();
        for (Rule r : Rules.all()) {
            classNames.add(r.name());
        }
        classNames.addAll(Rules.builtIn());
        assertEquals(metadataNames, classNames, "rules/*.yaml and the rule registry must agree");
        for (String name : metadataNames) {
            String className = "dev.composefix.rules." + pascal(name);
            try {
                Class.forName(className);
            } catch (ClassNotFoundException e) {
                fail("rule " + name + " has no class " + className);
            }
        }
        // Every Rule class in the package is registered (none written and forgotten).
        Path dir = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/composefix/rules");
        try (Stream<Path> s = Files.list(dir)) {
            for (Path c : s.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                Class<?> k = Class.forName("dev.composefix.rules." + c.getFileName().toString().replace(".class", ""));
                if (Rule.class.isAssignableFrom(k) && !java.lang.reflect.Modifier.isAbstract(k.getModifiers())) {
                    assertTrue(classNames.contains(RuleCatalog.kebab(k.getSimpleName())), k + " is not registered");
                }
            }
        }
    }

    @Test
    void codesAndNamesAreUnique() {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RuleMetadata m : Rules.catalog().metadata()) {
            assertTrue(codes.add(m.code()), "duplicate code " + m.code());
            assertTrue(names.add(m.name()), "duplicate name " + m.name());
        }
    }

    @Test
    void everyRuleHasPositiveAndNegativeFixtures() {
        Map<String, List<RuleFixtures.Case>> byRule = new java.util.TreeMap<>();
        for (RuleFixtures.Case c : RuleFixtures.all()) {
            byRule.computeIfAbsent(c.rule(), k -> new ArrayList<>()).add(c);
        }
        for (RuleMetadata m : Rules.catalog().metadata()) {
            List<RuleFixtures.Case> cases = byRule.get(m.name());
            assertTrue(cases != null && !cases.isEmpty(), m.name() + " has no fixtures in fixtures/" + m.name());
            boolean positive = cases.stream().anyMatch(c -> c.expectedLines().stream()
                    .anyMatch(l -> l.contains(" " + m.code() + " ")));
            boolean negative = cases.stream().anyMatch(c -> c.expectedLines().stream()
                    .noneMatch(l -> l.contains(" " + m.code() + " ")));
            assertTrue(positive, m.name() + " has no positive fixture");
            assertTrue(negative, m.name() + " has no negative fixture");
        }
        for (String dir : byRule.keySet()) {
            assertTrue(Rules.catalog().find(dir) != null, "fixtures/" + dir + " names no rule");
        }
    }

    static Stream<RuleMetadata> rules() {
        return Rules.catalog().metadata().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void badExampleTriggersTheRuleAndGoodExampleDoesNot(RuleMetadata meta) throws Exception {
        assertTrue(codes(meta.docs().get("bad")).contains(meta.code()), meta.name() + ": bad example not reported");
        assertFalse(codes(meta.docs().get("good")).contains(meta.code()), meta.name() + ": good example reported");
    }

    private static final java.util.regex.Pattern HOST_MEMORY =
            java.util.regex.Pattern.compile("^# composefix lint --host-memory (\\S+)");

    /** Lints a documented example; a first line "# composefix lint --host-memory 2G" sets the host. */
    private static Set<String> codes(String example) throws Exception {
        java.util.regex.Matcher m = HOST_MEMORY.matcher(example);
        dev.composefix.engine.Host host = m.find()
                ? new dev.composefix.engine.Host(dev.composefix.model.ByteSize.parse(m.group(1)).getAsLong(), null)
                : dev.composefix.engine.Host.UNKNOWN;
        LintRun run = new LintRun(Rules.catalog(), new LintRun.Options(null, List.of(), List.of(), null, true, null,
                host), Map.of());
        java.util.Optional<dev.composefix.script.ScriptKind> script = scriptKind(example);
        LintRun.Outcome o;
        if (script.isPresent()) {
            Path virtual = Path.of(System.getProperty("java.io.tmpdir"), "example", "script");
            o = run.run(List.of(), List.of(new dev.composefix.cli.ScriptInput(new Input("example", virtual,
                    example.getBytes(StandardCharsets.UTF_8)), script.get())));
        } else {
            Path virtual = Path.of(System.getProperty("java.io.tmpdir"), "example", "compose.yaml");
            o = run.run(List.of(new Input("example.yaml", virtual, example.getBytes(StandardCharsets.UTF_8))));
        }
        Set<String> out = new HashSet<>();
        for (Finding f : o.report().findings()) {
            out.add(f.code());
        }
        return out;
    }

    /** An example whose first line is a comment naming a script file ({@code # scripts/reset.sh}) is that script. */
    private static java.util.Optional<dev.composefix.script.ScriptKind> scriptKind(String example) {
        if (!example.startsWith("# ")) {
            return java.util.Optional.empty();
        }
        String first = example.lines().findFirst().orElse("").substring(2).strip();
        if (first.isEmpty() || first.contains(" ")) {
            return java.util.Optional.empty();
        }
        return dev.composefix.script.ScriptKinds.of(Path.of(first), null);
    }

    @Test
    void readmeRuleTableIsGeneratedFromMetadata() throws IOException {
        Path readme = Repo.root().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        assertTrue(start >= 0 && end > start, "README.md has no generated rule table between " + TABLE_START
                + " and " + TABLE_END);
        String current = text.substring(start + TABLE_START.length(), end);
        String generated = "\n" + table() + "\n";
        if (Boolean.getBoolean("composefix.updateReadme")) {
            Files.writeString(readme, text.substring(0, start + TABLE_START.length()) + generated
                    + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, "README's rule table is stale; regenerate it");
    }

    static String table() {
        StringBuilder b = new StringBuilder("| code | name | severity | fix | what it reports |\n"
                + "|---|---|---|---|---|\n");
        for (RuleMetadata m : Rules.catalog().metadata()) {
            b.append("| ").append(m.code()).append(" | `").append(m.name()).append("` | ")
                    .append(m.severity().id()).append(" | ").append(m.fix().id()).append(" | ")
                    .append(m.summary().replace("|", "\\|")).append(" |\n");
        }
        return b.toString().stripTrailing();
    }

    private static String pascal(String kebab) {
        StringBuilder b = new StringBuilder();
        for (String part : kebab.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
