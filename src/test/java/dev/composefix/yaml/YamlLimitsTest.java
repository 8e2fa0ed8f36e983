package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import dev.composefix.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of {@link YamlLimits} is refused with a message naming it and the place it was passed,
 * while the real files of the corpus and a 10,000-service stack stay well inside all of them.
 */
class YamlLimitsTest {

    @TempDir
    Path dir;

    private static YamlException refused(YamlLimits limits, String text) {
        return assertThrows(YamlException.class,
                () -> new YamlLoader(limits).load("f.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void documentsKeysAndScalarLengthHaveLimits() throws Exception {
        YamlLimits small = new YamlLimits(1 << 20, 64, 10_000, 3, 5, 10);
        YamlException docs = refused(small, "---\n---\n---\n---\n");
        assertEquals("more than 3 YAML documents in the file", docs.getMessage());
        assertEquals(4, docs.position().line());
        YamlException keys = refused(small, "a: 1\nb:\n  c: 2\n  d: 3\ne: [f]\ng: {h: 4}\n");
        assertEquals("more than 5 keys in the file", keys.getMessage());
        assertEquals(new Position(6, 1, 29, "f.yaml"), keys.position(), "the sixth key is g");
        YamlException scalar = refused(small, "a: 1234567890\nb: 12345678901\n");
        assertEquals("a value over the limit of 10 characters", scalar.getMessage(), "found before parsing");
        assertEquals(new Position(2, 4, 17, "f.yaml"), scalar.position());
        // What the scan before parsing does not count (line breaks) the parser's check still sees.
        YamlLimits noPrescan = new YamlLimits(1 << 20, 64, 10_000, 3, 5, 1 << 30);
        YamlLoader loader = new YamlLoader(new YamlLimits(1 << 20, 64, 10_000, 3, 5, 10));
        String literal = "a: |\n  12345\n  67890\n";
        YamlException parsed = assertThrows(YamlException.class, () -> loader.load("f.yaml", literal));
        assertEquals("a value over the limit of 10 characters (it has 12)", parsed.getMessage());
        assertEquals(new Position(1, 4, 3, "f.yaml"), parsed.position());
        new YamlLoader(noPrescan).load("f.yaml", literal);
        // Right at each limit the file loads.
        new YamlLoader(small).load("---\n---\n---\n");
        new YamlLoader(small).load("a: 1234567890\nb:\n  c: 2\n  d: 3\ne: [f]\n");
        assertEquals("f.yaml", refused(small, "k: " + "x".repeat(11)).position().source());
    }

    @Test
    void aFileWithinTheLimitIsReadWhole() throws Exception {
        YamlLimits limits = YamlLimits.DEFAULT.withMaxBytes(1000);
        java.util.Random random = new java.util.Random(11);
        for (int size : new int[] {0, 1, 2, 999, 1000, 1001, 1002, 4096}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path f = dir.resolve("f" + size + ".yaml");
            Files.write(f, bytes);
            assertArrayEquals(java.util.Arrays.copyOf(bytes, Math.min(size, 1001)), limits.read(f), "size " + size);
        }
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            // a file whose size says 0 however much it holds
            assertEquals(true, limits.read(Path.of("/proc/self/status")).length > 0, "/proc/self/status");
        }
    }

    @Test
    void aFileOverTheSizeLimitIsReadOnlyUpToTheLimit() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, ("a: " + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        YamlLimits limits = YamlLimits.DEFAULT.withMaxBytes(1000);
        assertEquals(1001, limits.read(big).length, "one byte past the limit is enough to know");
        YamlException e = assertThrows(YamlException.class, () -> new YamlLoader(limits).load("big.yaml",
                limits.read(big)));
        assertEquals("file is over the limit of 1000 bytes (--max-file-size raises it)", e.getMessage());
        assertEquals(new Position(1, 1, 0, "big.yaml"), e.position());
    }

    @Test
    void theCliNamesTheFileAndTheLimitWithExitTwo() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.writeString(f, "services:\n  web:\n    image: nginx:1.27\n    command: " + "x".repeat(3000) + "\n");
        CliRun r = CliRun.run("lint", "--max-file-size", "1k", f.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(f + ":1:1: error parse-error file is over the limit of 1024 bytes"),
                r.out());
        assertEquals(1, CliRun.run("lint", "--max-file-size", "10k", f.toString()).exit());
        CliRun bad = CliRun.run("lint", "--max-file-size", "lots", f.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--max-file-size: 'lots' is not a size"), bad.err());
        CliRun rewrite = CliRun.run("rewrite", "--max-file-size", "1k", "-i", f.toString());
        assertEquals(2, rewrite.exit(), rewrite.err());
        assertTrue(rewrite.err().contains(f + ":1:1: error parse-error file is over the limit"), rewrite.err());
    }

    @Test
    void aTenThousandServiceStackIsWellInsideEveryLimit() throws Exception {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("  s").append(i).append(":\n    image: nginx:1.27\n    mem_limit: 64m\n    cpus: 0.1\n")
                    .append("    environment:\n      A: b\n      C: d\n    labels: [a=b, c=d]\n")
                    .append("    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 30s\n")
                    .append("      timeout: 5s\n    ports: [\"80\"]\n    volumes: [\"./a:/a\"]\n")
                    .append("    logging:\n      driver: json-file\n      options: {max-size: 10m, max-file: '3'}\n");
        }
        // Half of each limit is enough: the defaults leave at least twice the room.
        YamlLimits half = new YamlLimits(YamlLimits.DEFAULT.maxBytes() / 2, YamlLimits.DEFAULT.maxDepth() / 2,
                YamlLimits.DEFAULT.maxExpandedNodes() / 2, YamlLimits.DEFAULT.maxDocuments() / 2,
                YamlLimits.DEFAULT.maxKeys() / 2, YamlLimits.DEFAULT.maxScalarLength() / 2);
        YamlDocument doc = new YamlLoader(half).load(b.toString());
        assertEquals(10_000, ((YMapping) ((YMapping) doc.root()).value("services")).entries().size());
    }

    @Test
    void everyCorpusFileIsWellInsideEveryLimit() throws Exception {
        Path corpus = SharedData.corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.ya?ml")).sorted().toList();
        }
        assertTrue(files.size() >= 300, "corpus files: " + files.size());
        YamlLimits quarter = new YamlLimits(YamlLimits.DEFAULT.maxBytes() / 4, YamlLimits.DEFAULT.maxDepth() / 4,
                YamlLimits.DEFAULT.maxExpandedNodes() / 4, 2, YamlLimits.DEFAULT.maxKeys() / 4,
                YamlLimits.DEFAULT.maxScalarLength() / 4);
        List<String> limited = new ArrayList<>();
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            String plain = null;
            String tight = null;
            try {
                new YamlLoader().load(p.toString(), bytes);
            } catch (YamlException e) {
                plain = e.getMessage();
            }
            try {
                new YamlLoader(quarter).load(p.toString(), bytes);
            } catch (YamlException e) {
                tight = e.getMessage();
            }
            // A file that does not parse anyway must fail the same way: no limit is what stops it.
            if (tight != null && !tight.equals(plain)) {
                limited.add(corpus.relativize(p) + ": " + tight);
            }
        }
        assertTrue(limited.isEmpty(), "files stopped by a quarter of the limits: " + limited);
    }
}
