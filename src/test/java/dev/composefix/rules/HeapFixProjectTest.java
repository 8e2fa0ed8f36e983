package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap fixes (CF307, CF308) in projects of several files: a value is edited in the file where it
 * is written, a new variable goes where the service's environment is, and {@code rewrite --into}
 * leaves every existing file alone and gives the override the variables' whole new values.
 */
class HeapFixProjectTest {

    @TempDir
    Path dir;

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static final String BASE = """
            services:
              web:
                image: node:22
                mem_limit: 512m
                environment:
                  - NODE_ENV=production
                  - NODE_OPTIONS=--enable-source-maps --max-old-space-size=4096
              api:
                image: node:22
                mem_limit: 1g
              search:
                image: eclipse-temurin:21
                mem_limit: 1g
                environment:
                  JAVA_OPTS: -Xms1g -Xmx1g -Dfile.encoding=UTF-8
            """;

    @Test
    void intoGivesTheOverrideWholeValuesAndLeavesTheBaseAlone() throws Exception {
        Path base = write("compose.yaml", BASE);
        Path into = dir.resolve("compose.heap.yaml");
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--only", "CF307,CF308", "--into", into.toString(),
                base.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(BASE, Files.readString(base), "the base is untouched");
        assertEquals("""
                services:
                  web:
                    environment:
                      NODE_OPTIONS: "--enable-source-maps --max-old-space-size=384"
                  api:
                    environment:
                      NODE_OPTIONS: "--max-old-space-size=768"
                  search:
                    environment:
                      JAVA_OPTS: "-Xms768m -Xmx768m -Dfile.encoding=UTF-8"
                """, Files.readString(into));
        CliRun lint = CliRun.run("lint", "--ignore-environment", "--only", "CF307,CF308", "-f", base.toString(), "-f",
                into.toString());
        assertEquals(0, lint.exit(), "base and override lint clean: " + lint.out());
        CliRun again = CliRun.run("rewrite", "--ignore-environment", "--only", "CF307,CF308", "--into",
                into.toString(), "--check", base.toString());
        assertEquals(0, again.exit(), "--into is idempotent: " + again.out());
    }

    @Test
    void intoEditsAVariableTheOverrideAlreadySets() throws Exception {
        Path base = write("compose.yaml", BASE);
        Path into = write("compose.heap.yaml", """
                services:
                  web:
                    environment:
                      - NODE_OPTIONS=--max-old-space-size=2048  # tuned by ops
                """);
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--only", "CF307", "--into", into.toString(),
                base.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(BASE, Files.readString(base));
        assertEquals("""
                services:
                  web:
                    environment:
                      - NODE_OPTIONS=--max-old-space-size=384  # tuned by ops
                  api:
                    environment:
                      - NODE_OPTIONS=--max-old-space-size=768
                """, Files.readString(into), "a new environment takes the form the file already uses");
    }

    @Test
    void aValueIsEditedInTheFileThatSetsIt() throws Exception {
        Path base = write("compose.yaml", """
                services:
                  web:
                    image: node:22
                    environment:
                      NODE_OPTIONS: --max-old-space-size=4096
                  jvm:
                    image: eclipse-temurin:21
                    environment:
                      - TZ=UTC
                """);
        Path over = write("compose.override.yaml", """
                services:
                  web:
                    mem_limit: 1g
                    environment:
                      - PORT=3000
                  jvm:
                    mem_limit: 2g
                    environment:
                      - JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=90
                """);
        CliRun lint = CliRun.run("lint", "--ignore-environment", "--only", "CF307,CF308", base.toString());
        assertTrue(lint.out().contains(base + ":5:21: error node-heap-mismatch"), lint.out());
        assertTrue(lint.out().contains(over + ":9:9: error jvm-heap-mismatch"), lint.out());
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--only", "CF307,CF308", "-i", base.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(base).contains("NODE_OPTIONS: --max-old-space-size=768\n"), Files.readString(base));
        assertTrue(Files.readString(over).contains("- JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0\n"),
                Files.readString(over));
        assertFalse(Files.readString(over).contains("NODE_OPTIONS"), "the base's value is edited where it is");
        assertEquals(0, CliRun.run("lint", "--ignore-environment", "--only", "CF307,CF308", base.toString()).exit());
    }

    @Test
    void aMissingOptionGoesWhereTheServiceEnvironmentIs() throws Exception {
        Path base = write("compose.yaml", """
                services:
                  web:
                    image: node:22
                """);
        Path over = write("compose.override.yaml", """
                services:
                  web:
                    mem_limit: 1g
                    environment:
                      - PORT=3000
                """);
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--only", "CF307", "-i", base.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("services:\n  web:\n    image: node:22\n", Files.readString(base));
        assertTrue(Files.readString(over).endsWith("      - PORT=3000\n      - NODE_OPTIONS=--max-old-space-size=768\n"),
                Files.readString(over));
    }
}
