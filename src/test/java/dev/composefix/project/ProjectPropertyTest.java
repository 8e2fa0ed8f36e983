package dev.composefix.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.rewrite.TreeDiff;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Variables;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of project loading: merging a file with an empty override gives the file's own model;
 * and {@code rewrite --into} gives the same merged model as rewriting in place (the version key
 * aside, which only an in-place rewrite can remove and Compose ignores; an {@code environment} counts
 * as the same when it sets the same variables to the same values, whether as a list or a map, since
 * Compose merges and reads both forms by name).
 */
class ProjectPropertyTest {

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return Seeds.of(55L, 150);
    }

    static Stream<Path> corpus() throws IOException {
        return SharedData.corpusFiles();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedStacks(long seed) throws Exception {
        String text = ComposeStackGenerator.generate(seed);
        emptyOverrideKeepsTheModel(text, Seeds.replay(seed));
        intoMatchesInPlace(text, Seeds.replay(seed) + "\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFiles(Path file) throws Exception {
        String text = Files.readString(file);
        emptyOverrideKeepsTheModel(text, file.toString());
        intoMatchesInPlace(text, file.toString());
    }

    private static void emptyOverrideKeepsTheModel(String text, String what) throws Exception {
        YNode root;
        try {
            root = new YamlLoader().load(text).root();
        } catch (YamlException e) {
            return;
        }
        if (!(root instanceof YMapping m)) {
            return;
        }
        YMapping empty = (YMapping) new YamlLoader().load("services: {}\n").root();
        YMapping merged = Merger.mergeFiles(m, empty);
        List<String> diff = new ArrayList<>(TreeDiff.differences(m, merged));
        diff.remove("services"); // a file without services gains the override's empty mapping
        assertEquals(List.of(), diff, what);
    }

    private void intoMatchesInPlace(String text, String what) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve(".git"));
        Path inPlace = a.resolve("docker-compose.yml");
        Path base = b.resolve("docker-compose.yml");
        Path into = b.resolve("docker-compose.override.yml");
        Files.writeString(inPlace, text);
        Files.writeString(base, text);
        Files.deleteIfExists(into);
        CliRun one = CliRun.run("rewrite", "--ignore-environment", "-i", inPlace.toString());
        if (one.exit() == 2) {
            return; // the input does not load (a reference the flattened corpus cannot follow, say)
        }
        assertEquals(0, one.exit(), what + "\n" + one.err());
        CliRun two = CliRun.run("rewrite", "--ignore-environment", "--into", into.toString(), base.toString());
        assertEquals(0, two.exit(), what + "\n" + two.err());
        assertEquals(text, Files.readString(base), "--into leaves the base alone: " + what);
        List<String> files = new ArrayList<>(List.of(base.toString()));
        if (Files.exists(into)) {
            files.add(into.toString());
        }
        ComposeFile viaInto = load(files);
        ComposeFile viaInPlace = load(List.of(inPlace.toString()));
        List<String> diff = new ArrayList<>(TreeDiff.differences(viaInPlace.root(), viaInto.root()));
        diff.remove("version");
        sameEnvironments(viaInPlace, viaInto, diff);
        assertTrue(diff.isEmpty(), "models differ at " + diff + ": " + what + "\nin place:\n"
                + Files.readString(inPlace) + "\ninto:\n" + (Files.exists(into) ? Files.readString(into) : ""));
    }

    /** Drops the differences at a service's environment when both set the same variables to the same values. */
    private static void sameEnvironments(ComposeFile a, ComposeFile b, List<String> diff) {
        for (dev.composefix.model.Service s : a.services()) {
            String path = dev.composefix.fix.Fix.path("services", s.name(), "environment");
            dev.composefix.model.Service other = b.service(s.name());
            if (other != null && variables(s).equals(variables(other))) {
                diff.removeIf(d -> TreeDiff.covers(path, d));
            }
        }
    }

    private static java.util.Map<String, String> variables(dev.composefix.model.Service s) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        s.environment().forEach((k, v) -> out.put(k, v.value() == null ? null : v.value().text()));
        return out;
    }

    private ComposeFile load(List<String> files) throws ProjectException {
        return new ProjectLoader(new ProjectLoader.Options(dir, List.of(), Variables.NONE)).load(files);
    }
}
