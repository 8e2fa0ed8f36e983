package dev.composefix.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.rules.Rules;
import dev.composefix.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's configuration example is a valid config, so the documentation cannot drift from the schema. */
class ReadmeConfigTest {

    @TempDir
    Path dir;

    @Test
    void theExampleLoads() throws Exception {
        String readme = Files.readString(Repo.root().resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```yaml\nrules:\n");
        assertTrue(start >= 0, "README has a configuration example starting with rules:");
        int end = readme.indexOf("```", start + 7);
        String example = readme.substring(start + "```yaml\n".length(), end);
        assertTrue(example.contains("host:") && example.contains("kinds:") && example.contains("exclude:"));
        Path f = dir.resolve(".composefix.yml");
        Files.writeString(f, example);
        Config c = new ConfigLoader(Rules.catalog()).load(f);
        assertNotNull(c.host().memory());
        assertFalse(c.excludes().isEmpty());
    }
}
