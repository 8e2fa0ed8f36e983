package dev.composefix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.Repo;
import dev.composefix.testing.TreeDump;
import dev.composefix.yaml.TreeSnapshot;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YamlLoader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule metadata read through the build's startup index equals what each rules/*.yaml says (docs too,
 * read from the file when asked for), and a snapshot reads back as the tree it was made from.
 */
class StartupIndexTest {

    @Test
    void everyRulesMetadataFromTheIndexIsTheFilesMetadata() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Repo.root().resolve("rules"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "rules/ holds the rules' metadata");
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".yaml", "");
            assertNotNull(StartupIndex.ruleHeader(name), name + " is in the index the build writes");
            RuleMetadata fromFile = RuleMetadataReader.read("/rules/" + name + ".yaml", Files.readAllBytes(f));
            RuleMetadata fromIndex = RuleMetadataReader.load(name);
            assertEquals(fromFile, fromIndex, name);
            assertEquals(fromFile.docs(), fromIndex.docs(), name);
        }
    }

    @Test
    void aSnapshotReadsBackAsTheTree() throws Exception {
        String yaml = "a: &x {b: 1, c: [true, null, 'q', \"d\", 0x1F, 1.5]}\nd:\n  <<: *x\n  e: |\n    text\n";
        YNode tree = new YamlLoader().load(yaml).root();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TreeSnapshot.write(tree, new DataOutputStream(bytes));
        YNode back = TreeSnapshot.read(new TreeSnapshot.Reader(bytes.toByteArray()), null);
        String dumped = TreeDump.of(back);
        assertEquals(TreeDump.of(tree), dumped);
        assertTrue(dumped.contains("=text\n/STRING/LITERAL") && dumped.contains("0x1F/INT"), dumped);
    }

    @Test
    void aTruncatedSnapshotIsAnIoErrorAtEveryCut() throws Exception {
        YNode tree = new YamlLoader().load("a: {b: [1, 'two']}\n").root();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TreeSnapshot.write(tree, new DataOutputStream(bytes));
        byte[] all = bytes.toByteArray();
        for (int cut = 0; cut < all.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(all, cut);
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> TreeSnapshot.read(new TreeSnapshot.Reader(part), null), "cut at " + cut);
        }
    }
}
