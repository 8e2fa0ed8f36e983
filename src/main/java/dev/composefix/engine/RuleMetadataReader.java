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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a rule's metadata file ({@code rules/<name>.yaml}, shipped inside the jar). */
public final class RuleMetadataReader {

    private RuleMetadataReader() {
    }

    /** Loads {@code rules/<name>.yaml} from the class path. */
    public static RuleMetadata load(String name) {
        String resource = "/rules/" + name + ".yaml";
        try (InputStream in = RuleMetadataReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule " + name + " has no metadata file " + resource);
            }
            return read(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleMetadata read(String source, byte[] bytes) {
        YNode root;
        try {
            root = new YamlLoader().load(bytes).root();
        } catch (YamlException e) {
            throw new IllegalStateException(source + ":" + e.position() + ": " + e.getMessage(), e);
        }
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
        Map<String, String> docs = new LinkedHashMap<>();
        if (m.value("docs") instanceof YMapping d) {
            for (YEntry e : d.members()) {
                if (e.value().resolve() instanceof YScalar s) {
                    docs.put(e.keyText(), s.value());
                }
            }
        }
        return new RuleMetadata(text(m, "code", source), text(m, "name", source),
                Severity.parse(severity).orElseThrow(() -> new IllegalStateException(source + ": severity " + severity)),
                text(m, "category", source), text(m, "summary", source),
                FixSafety.parse(fix).orElseThrow(() -> new IllegalStateException(source + ": fix " + fix)),
                text(m, "status", source), text(m, "since", source), options, docs);
    }

    private static String text(YMapping m, String key, String source) {
        if (m.value(key) instanceof YScalar s && !s.isNull()) {
            return s.value();
        }
        throw new IllegalStateException(source + ": missing '" + key + "'");
    }
}
