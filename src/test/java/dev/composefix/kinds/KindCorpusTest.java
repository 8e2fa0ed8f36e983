package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import dev.composefix.model.Variables;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YamlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every service of the shared corpus gets a kind, read the way the rules will read it. */
class KindCorpusTest {

    @Test
    void everyCorpusServiceIsClassified() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedData.corpus())) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted().toList();
        }
        KindTable table = KindTable.builtIn();
        Map<String, Integer> perKind = new TreeMap<>();
        Map<String, Integer> unrecognised = new TreeMap<>();
        int services = 0;
        for (Path p : files) {
            ComposeFile file;
            try {
                file = new ComposeLoader().load(p.toString(), Files.readAllBytes(p), Variables.of(Map.of()));
            } catch (YamlException e) {
                continue; // not a compose file composefix can read; CorpusLintTest covers those
            }
            for (Service service : file.services()) {
                Field<String> image = service.image();
                String text = image.hasValue() ? image.value() : image.text();
                ServiceKind kind = table.classify(text, service.has("build"));
                assertNotNull(kind);
                services++;
                perKind.merge(kind.name(), 1, Integer::sum);
                if (kind.name().equals(KindTable.FALLBACK) && text != null) {
                    unrecognised.merge(ImageReference.parse(text).path(), 1, Integer::sum);
                }
            }
        }
        assertTrue(services > 1000, "the corpus holds well over a thousand services, found " + services);
        System.out.println("corpus: " + services + " services by kind: " + perKind);
        System.out.println("corpus: most frequent images left to the generic kind: " + unrecognised.entrySet()
                .stream().filter(e -> !e.getKey().isEmpty())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15).toList());
    }
}
