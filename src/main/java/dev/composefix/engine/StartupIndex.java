package dev.composefix.engine;

import dev.composefix.yaml.TreeSnapshot;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The YAML every run reads, loaded at build time: each rule's metadata up to its docs, and the
 * built-in service kinds, as {@link TreeSnapshot}s in one resource ({@value #RESOURCE}). A start then
 * reads one small binary file instead of parsing forty YAML files. The build writes it after copying
 * the resources ({@code mvn process-classes}); a class path without it (an IDE that did not run that
 * phase) reads the YAML files as before.
 */
public final class StartupIndex {

    static final String RESOURCE = "/dev/composefix/startup.idx";
    private static final int MAGIC = 0x43465832; // "CFX2"

    private static final Object NONE = new Object();
    private static volatile Object loaded;

    private final Map<String, YNode> ruleHeaders;
    private final YNode kinds;

    private StartupIndex(Map<String, YNode> ruleHeaders, YNode kinds) {
        this.ruleHeaders = ruleHeaders;
        this.kinds = kinds;
    }

    /** Rule {@code name}'s metadata before its docs, from the index; null without an index entry. */
    public static YNode ruleHeader(String name) {
        StartupIndex i = get();
        return i == null ? null : i.ruleHeaders.get(name);
    }

    /** The built-in kinds file's tree, from the index; null without an index. */
    public static YNode kinds() {
        StartupIndex i = get();
        return i == null ? null : i.kinds;
    }

    private static StartupIndex get() {
        Object l = loaded;
        if (l == null) {
            synchronized (StartupIndex.class) {
                l = loaded;
                if (l == null) {
                    StartupIndex read = read();
                    loaded = l = read == null ? NONE : read;
                }
            }
        }
        return l == NONE ? null : (StartupIndex) l;
    }

    private static StartupIndex read() {
        try {
            byte[] bytes = Resources.read(RESOURCE);
            if (bytes == null) {
                return null;
            }
            TreeSnapshot.Reader in = new TreeSnapshot.Reader(bytes);
            if (in.readInt() != MAGIC) {
                throw new IOException("not a composefix startup index");
            }
            int rules = in.readInt();
            Map<String, YNode> headers = new HashMap<>();
            for (int i = 0; i < rules; i++) {
                String name = in.readText();
                headers.put(name, TreeSnapshot.read(in, null));
            }
            return new StartupIndex(headers, TreeSnapshot.read(in, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Writes the index into a class-path directory that already holds the resources
     * ({@code target/classes}): run by the build, {@code StartupIndex DIRECTORY}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StartupIndex CLASSES_DIRECTORY");
        }
        Path dir = Path.of(args[0]);
        List<Path> ruleFiles;
        try (Stream<Path> s = Files.list(dir.resolve("rules"))) {
            ruleFiles = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        Path out = dir.resolve(RESOURCE.substring(1));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(MAGIC);
            List<Path> indexed = ruleFiles.stream()
                    .filter(p -> RuleMetadataReader.headerPart(read(p)) != null).toList();
            o.writeInt(indexed.size());
            for (Path p : indexed) {
                String file = p.getFileName().toString();
                TreeSnapshot.text(file.substring(0, file.length() - ".yaml".length()), o);
                TreeSnapshot.write(RuleMetadataReader.parse("/rules/" + file,
                        RuleMetadataReader.headerPart(read(p))), o);
            }
            try {
                TreeSnapshot.write(new YamlLoader().load(read(dir.resolve("dev/composefix/kinds.yaml"))).root(), o);
            } catch (YamlException e) {
                throw new IOException("kinds.yaml:" + e.position() + ": " + e.getMessage(), e);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
