package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.composefix.engine.StartupIndex;
import dev.composefix.testing.Repo;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The built-in kinds read from the build's startup index are the kinds kinds.yaml says. */
class StartupIndexKindsTest {

    @Test
    void indexedKindsAreTheYamlFilesKinds() throws Exception {
        assertNotNull(StartupIndex.kinds(), "the build (mvn process-classes) writes the startup index");
        String text = Files.readString(Repo.root().resolve("src/main/resources/dev/composefix/kinds.yaml"));
        assertEquals(KindTable.fromBuiltInText(text).kinds(), KindTable.builtIn().kinds());
    }
}
