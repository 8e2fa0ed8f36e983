package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.composefix.report.Format;
import dev.composefix.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * README and CHANGELOG keep up with the code: every command, every option of lint and rewrite, every
 * report format, and every key of the config schema is documented.
 */
class ReadmeDocsTest {

    private static String readme() throws Exception {
        return Files.readString(Repo.root().resolve("README.md"), StandardCharsets.UTF_8);
    }

    private static String changelog() throws Exception {
        return Files.readString(Repo.root().resolve("CHANGELOG.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandIsInTheUsageAndTheChangelog() throws Exception {
        for (String command : List.of("lint", "rewrite", "plan", "rules", "explain")) {
            assertTrue(readme().contains("\ncomposefix " + command + " "), "README's usage lacks " + command);
            assertTrue(changelog().contains("`composefix " + command), "CHANGELOG lacks " + command);
        }
    }

    @Test
    void everyOptionOfLintAndRewriteIsDocumented() throws Exception {
        String readme = readme();
        for (String command : List.of("lint", "rewrite")) {
            for (CommandLine.Model.OptionSpec o : Main.command(command, null, null).options()) {
                String name = o.longestName();
                if (name.equals("--help") || name.equals("--version")) {
                    continue;
                }
                assertTrue(readme.contains("`" + name) || readme.contains(", " + name),
                        "README does not document " + name);
            }
        }
    }

    @Test
    void everyFormatIsDocumentedAndInTheChangelog() throws Exception {
        String readme = readme();
        for (Format f : Format.values()) {
            assertTrue(readme.contains("| `" + f.id() + "` |") || f == Format.TEXT || f == Format.JSON,
                    "README's format table lacks " + f.id());
            assertTrue(readme.contains("`" + f.id() + "`"), "README does not name the format " + f.id());
            assertTrue(changelog().contains("`" + f.id() + "`"), "CHANGELOG lacks the format " + f.id());
        }
    }

    @Test
    void everyConfigKeyIsDocumented() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Repo.root().resolve("schemas/config.schema.json").toFile());
        String readme = readme();
        for (Iterator<String> it = schema.get("properties").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertTrue(readme.contains("\n| `" + key + "` |"), "README's config key table lacks " + key);
            assertTrue(changelog().contains("`" + key + "`"), "CHANGELOG lacks the config key " + key);
        }
    }
}
