package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.composefix.model.DotEnv;
import dev.composefix.model.Interpolator;
import dev.composefix.model.Variables;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The corpus's compose files as the JSON instances a schema validates: YAML loaded by
 * {@link YamlLoader}, every scalar interpolated with the variables of the {@code .env} beside the file
 * (only the file's, never the process environment, so the instance is the same on every machine),
 * unset variables empty.
 *
 * <p>The corpus flattens repository paths ({@code a/b/compose.yaml} is {@code a__b__compose.yaml}), so
 * the {@code .env} beside {@code a__b__compose.yaml} is {@code a__b__.env}, and beside a file with no
 * {@code __} in its name it is {@code .env}.
 */
final class CorpusInstances {

    /** One corpus file: its path relative to the corpus, and its instance, or why it has none. */
    record Entry(String name, JsonNode instance, String unreadable, boolean withEnvFile) {
    }

    private static List<Entry> cached;

    private CorpusInstances() {
    }

    static synchronized List<Entry> all() {
        if (cached == null) {
            Path corpus = SharedData.corpus();
            List<Entry> out = new ArrayList<>();
            for (Path file : composeFiles(corpus)) {
                out.add(load(corpus, file));
            }
            cached = List.copyOf(out);
        }
        return cached;
    }

    /** Only the files that load as YAML. */
    static List<Entry> readable() {
        return all().stream().filter(e -> e.instance() != null).toList();
    }

    private static List<Path> composeFiles(Path corpus) {
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Entry load(Path corpus, Path file) {
        String name = corpus.relativize(file).toString().replace('\\', '/');
        try {
            YamlDocument doc = new YamlLoader().load(Files.readAllBytes(file));
            Interpolator interpolator = new Interpolator(variablesBeside(file));
            JsonNode instance = JsonTree.of(doc.root(), s -> interpolator.apply(s.value()).text());
            return new Entry(name, instance, null, Files.isRegularFile(envFileBeside(file)));
        } catch (YamlException e) {
            return new Entry(name, null, e.getMessage(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path envFileBeside(Path composeFile) {
        String fileName = composeFile.getFileName().toString();
        int flat = fileName.lastIndexOf("__");
        String prefix = flat < 0 ? "" : fileName.substring(0, flat + 2);
        return composeFile.resolveSibling(prefix + ".env");
    }

    static Variables variablesBeside(Path composeFile) throws IOException {
        Path env = envFileBeside(composeFile);
        if (!Files.isRegularFile(env)) {
            return Variables.NONE;
        }
        Map<String, String> values = DotEnv.parse(Files.readString(env, StandardCharsets.UTF_8), Variables.NONE);
        return Variables.of(values);
    }
}
