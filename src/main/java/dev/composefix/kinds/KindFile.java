package dev.composefix.kinds;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the kinds.yaml format: a top-level {@code kinds} sequence of mappings, one per kind, each with
 * {@code name}, the scalar fields of {@link KindBuilder}, {@code interval: {min, max}}, an
 * {@code images} list and an optional exec-form {@code healthcheck} list. A problem is an
 * {@link IllegalArgumentException} naming the line, the kind and the field.
 */
final class KindFile {

    private KindFile() {
    }

    /** The kinds in {@code text}, in file order. */
    static List<ServiceKind> read(String text) {
        YamlDocument doc;
        try {
            doc = new YamlLoader().load(text);
        } catch (YamlException e) {
            throw new IllegalArgumentException("line " + e.position().line() + ": " + e.getMessage(), e);
        }
        return read(doc.root());
    }

    /** The kinds in a loaded kinds file, in file order. */
    static List<ServiceKind> read(YNode root) {
        if (!(root instanceof YMapping top) || !(top.value("kinds") instanceof YSequence entries)) {
            throw new IllegalArgumentException("line 1: the file needs a top-level 'kinds' list");
        }
        List<ServiceKind> kinds = new ArrayList<>();
        int index = 0;
        for (YNode item : entries.items()) {
            index++;
            if (!(item.resolve() instanceof YMapping entry)) {
                throw new IllegalArgumentException(at(item) + "entry " + index + " is not a mapping");
            }
            kinds.add(kind(entry, index));
        }
        return kinds;
    }

    private static ServiceKind kind(YMapping entry, int index) {
        YNode nameNode = entry.value("name");
        if (!(nameNode instanceof YScalar name) || name.isNull()) {
            throw new IllegalArgumentException(at(entry) + "entry " + index + " has no name");
        }
        KindBuilder b;
        try {
            b = new KindBuilder(name.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at(nameNode) + e.getMessage(), e);
        }
        for (YEntry e : entry.members()) {
            String key = e.keyText();
            YNode value = e.value().resolve();
            try {
                switch (String.valueOf(key)) {
                    case "name" -> { }
                    case "images" -> b.images(strings(b, key, value));
                    case "interval" -> interval(b, value);
                    case "healthcheck" -> {
                        if (value instanceof YSequence) {
                            b.healthcheck(strings(b, key, value));
                        } else {
                            b.set(key, scalar(b, key, value));
                        }
                    }
                    default -> b.set(key, scalar(b, key, value));
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(at(value) + ex.getMessage(), ex);
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(at(entry) + ex.getMessage(), ex);
        }
    }

    private static void interval(KindBuilder b, YNode value) {
        if (!(value instanceof YMapping band)) {
            throw KindBuilder.problem(b.name(), "interval", "{min: ..., max: ...} is expected");
        }
        for (YEntry e : band.members()) {
            String end = e.keyText();
            if (!"min".equals(end) && !"max".equals(end)) {
                throw KindBuilder.problem(b.name(), "interval", "has '" + end + "'; only min and max are allowed");
            }
            b.set("interval." + end, scalar(b, "interval." + end, e.value().resolve()));
        }
    }

    private static String scalar(KindBuilder b, String field, YNode value) {
        if (!(value instanceof YScalar s) || s.isNull()) {
            throw KindBuilder.problem(b.name(), field, "a single value is expected");
        }
        return s.value();
    }

    private static List<String> strings(KindBuilder b, String field, YNode value) {
        if (!(value instanceof YSequence seq)) {
            throw KindBuilder.problem(b.name(), field, "a list is expected");
        }
        List<String> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            out.add(scalar(b, field, item.resolve()));
        }
        return out;
    }

    private static String at(YNode node) {
        return "line " + node.start().line() + ": ";
    }
}
