package dev.composefix.schema;

import dev.composefix.engine.Resources;
import dev.composefix.yaml.TreeSnapshot;
import dev.composefix.yaml.YNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON schemas composefix ships, read at build time into trees ({@link TreeSnapshot}s in one resource,
 * {@value #RESOURCE}), so that a start compiles the Compose schema without reading its 60 KB of JSON text:
 * that reading was about a tenth of a one-file lint's CPU samples, decoding the snapshot a fraction of it.
 * The build writes it after copying the resources ({@code mvn process-classes}); a class path without it
 * (an IDE that did not run that phase) reads the JSON as before. {@code SchemaIndexTest} holds every
 * indexed tree to the one read from the JSON.
 */
public final class SchemaIndex {

    static final String RESOURCE = "/dev/composefix/schemas.idx";
    private static final int MAGIC = 0x43465331; // "CFS1"

    private SchemaIndex() {
    }

    /** The trees by resource path, read on first use (empty without the index). */
    private static final class Loaded {
        static final Map<String, YNode> TREES = read();

        private static Map<String, YNode> read() {
            try {
                byte[] bytes = Resources.read(RESOURCE);
                Map<String, YNode> trees = new HashMap<>();
                if (bytes == null) {
                    return trees;
                }
                TreeSnapshot.Reader in = new TreeSnapshot.Reader(bytes);
                if (in.readInt() != MAGIC) {
                    throw new IOException("not a composefix schema index");
                }
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String path = in.readText();
                    trees.put(path, TreeSnapshot.read(in, path));
                }
                return trees;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** The tree of the shipped schema at {@code path} (such as {@code /schemas/compose.schema.json}), or null. */
    static YNode tree(String path) {
        return Loaded.TREES.get(path);
    }

    /** The tree of a schema's JSON text, as the index stores it and the compiler reads it. */
    static YNode parse(String path, byte[] json) {
        return JsonReader.read(path, new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Writes the index into a class-path directory that already holds the schemas ({@code target/classes}): run
     * by the build, {@code SchemaIndex DIRECTORY}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SchemaIndex CLASSES_DIRECTORY");
        }
        Path dir = Path.of(args[0]);
        List<Path> schemas = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("schemas"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(".json")) {
                    schemas.add(p);
                }
            }
        }
        schemas.sort(null);
        Path out = dir.resolve(RESOURCE.substring(1));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(MAGIC);
            o.writeInt(schemas.size());
            for (Path p : schemas) {
                String path = "/schemas/" + p.getFileName();
                TreeSnapshot.text(path, o);
                TreeSnapshot.write(parse(path, Files.readAllBytes(p)), o);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
