package dev.composefix.engine;

import dev.composefix.fix.FixSafety;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a rule's metadata file ({@code rules/<name>.yaml}, shipped inside the jar). */
public final class RuleMetadataReader {

    private RuleMetadataReader() {
    }

    /**
     * Loads {@code rules/<name>.yaml} from the class path: what the docs heading precedes from the
     * build's {@link StartupIndex} when the jar has one, the docs from the file when first asked for.
     */
    public static RuleMetadata load(String name) {
        String resource = "/rules/" + name + ".yaml";
        YNode header = StartupIndex.ruleHeader(name);
        if (header != null) {
            return read(resource, header, new LazyDocs(new DocsOfResource(resource)));
        }
        return read(resource, bytes(resource));
    }

    private static byte[] bytes(String resource) {
        byte[] bytes;
        try {
            bytes = Resources.read(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes == null) {
            throw new IllegalStateException("rule metadata file " + resource + " is missing");
        }
        return bytes;
    }

    /** The part of a metadata file before its last top-level key {@code docs}, or null when it has none. */
    static byte[] headerPart(byte[] bytes) {
        int docsAt = lastKeyDocs(bytes);
        return docsAt < 0 ? null : java.util.Arrays.copyOf(bytes, docsAt);
    }

    /** The file with everything before {@code docs} blanked, so positions in the docs stay at their lines. */
    private static byte[] docsPart(byte[] bytes) {
        int docsAt = Math.max(0, lastKeyDocs(bytes));
        byte[] tail = new byte[bytes.length];
        java.util.Arrays.fill(tail, 0, docsAt, (byte) ' ');
        for (int i = 0; i < docsAt; i++) {
            if (bytes[i] == '\n') {
                tail[i] = '\n';
            }
        }
        System.arraycopy(bytes, docsAt, tail, docsAt, bytes.length - docsAt);
        return tail;
    }

    public static RuleMetadata read(String source, byte[] bytes) {
        // Most of a metadata file is its docs, which only explain, rules and some reports show: when
        // docs is the last top-level key, the lines before it are read now and the docs when first asked for.
        int docsAt = lastKeyDocs(bytes);
        if (docsAt < 0) {
            return read(source, parse(source, bytes), null);
        }
        byte[] head = java.util.Arrays.copyOf(bytes, docsAt);
        byte[] tail = docsPart(bytes);
        return read(source, parse(source, head), new LazyDocs(new DocsOfTail(source, tail)));
    }

    /** Where the line {@code docs:} starts when it is the last top-level key, else -1. */
    private static int lastKeyDocs(byte[] b) {
        int docsAt = -1;
        for (int i = 0; i < b.length; i++) {
            if (i == 0 || b[i - 1] == '\n') {
                byte c = b[i];
                if (c == ' ' || c == '\t' || c == '#' || c == '\n' || c == '\r') {
                    continue;
                }
                if (docsAt >= 0 || c == '-' || c == '.' || c == '%' || c == '?' || c == '&' || c == '*'
                        || c == '!' || c == '{' || c == '[' || c == '"' || c == '\'') {
                    return -1; // a key after docs, a document marker, or anything unusual: read it all now
                }
                if (i + 5 <= b.length && b[i] == 'd' && b[i + 1] == 'o' && b[i + 2] == 'c' && b[i + 3] == 's'
                        && b[i + 4] == ':') {
                    docsAt = i;
                }
            }
        }
        return docsAt;
    }

    static YNode parse(String source, byte[] bytes) {
        try {
            return new YamlLoader().load(bytes).root();
        } catch (YamlException e) {
            throw new IllegalStateException(source + ":" + e.position() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> docs(String source, YNode root) {
        Map<String, String> docs = new LinkedHashMap<>();
        if (root instanceof YMapping m && m.value("docs") instanceof YMapping d) {
            for (YEntry e : d.members()) {
                if (e.value().resolve() instanceof YScalar s) {
                    docs.put(e.keyText(), s.value());
                }
            }
        }
        return docs;
    }

    private static RuleMetadata read(String source, YNode root, Map<String, String> lazyDocs) {
        if (!(root instanceof YMapping m)) {
            throw new IllegalStateException(source + ": not a mapping");
        }
        String severity = text(m, "severity", source);
        String fix = text(m, "fix", source);
        List<RuleOption> options = new ArrayList<>();
        if (m.value("options") instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                if (item.resolve() instanceof YMapping o) {
                    options.add(new RuleOption(text(o, "name", source),
                            RuleOption.Type.valueOf(text(o, "type", source).toUpperCase(Locale.ROOT)),
                            text(o, "default", source), text(o, "description", source)));
                }
            }
        }
        Map<String, String> docs = lazyDocs != null ? lazyDocs : docs(source, m);
        return new RuleMetadata(text(m, "code", source), text(m, "name", source),
                severity(severity, source),
                text(m, "category", source), text(m, "summary", source),
                fixSafety(fix, source),
                text(m, "status", source), text(m, "since", source), options, docs);
    }

    private static Severity severity(String text, String source) {
        java.util.Optional<Severity> parsed = Severity.parse(text);
        if (parsed.isEmpty()) {
            throw new IllegalStateException(source + ": severity " + text);
        }
        return parsed.get();
    }

    private static FixSafety fixSafety(String text, String source) {
        java.util.Optional<FixSafety> parsed = FixSafety.parse(text);
        if (parsed.isEmpty()) {
            throw new IllegalStateException(source + ": fix " + text);
        }
        return parsed.get();
    }

    /**
     * The docs of the resource a rule's metadata came from, read again when first asked for. A class rather
     * than a lambda, which a start would have to link.
     */
    private static final class DocsOfResource implements java.util.function.Supplier<Map<String, String>> {
        private final String resource;

        DocsOfResource(String resource) {
            this.resource = resource;
        }

        @Override
        public Map<String, String> get() {
            return docs(resource, parse(resource, docsPart(bytes(resource))));
        }
    }

    /** The docs of a metadata file's tail, parsed when first asked for (a class rather than a lambda). */
    private static final class DocsOfTail implements java.util.function.Supplier<Map<String, String>> {
        private final String source;
        private final byte[] tail;

        DocsOfTail(String source, byte[] tail) {
            this.source = source;
            this.tail = tail;
        }

        @Override
        public Map<String, String> get() {
            return docs(source, parse(source, tail));
        }
    }

    /** A rule's docs, read from its file when first asked for (the same map as reading it at once). */
    static final class LazyDocs extends java.util.AbstractMap<String, String> {

        private final java.util.function.Supplier<Map<String, String>> read;
        private volatile Map<String, String> docs;

        LazyDocs(java.util.function.Supplier<Map<String, String>> read) {
            this.read = read;
        }

        private Map<String, String> docs() {
            Map<String, String> d = docs;
            if (d == null) {
                synchronized (this) {
                    d = docs;
                    if (d == null) {
                        d = java.util.Collections.unmodifiableMap(read.get());
                        docs = d;
                    }
                }
            }
            return d;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return docs().entrySet();
        }

        @Override
        public String get(Object key) {
            return docs().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return docs().containsKey(key);
        }

        @Override
        public int size() {
            return docs().size();
        }
    }

    private static String text(YMapping m, String key, String source) {
        if (m.value(key) instanceof YScalar s && !s.isNull()) {
            return s.value();
        }
        throw new IllegalStateException(source + ": missing '" + key + "'");
    }
}
