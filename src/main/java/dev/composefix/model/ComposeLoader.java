package dev.composefix.model;

import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;

/** Reads a compose file: YAML with positions, then the checks that make it a compose file at all. */
public final class ComposeLoader {

    private final YamlLoader yaml;

    public ComposeLoader(YamlLoader yaml) {
        this.yaml = yaml;
    }

    public ComposeLoader() {
        this(new YamlLoader());
    }

    public ComposeFile load(String path, byte[] bytes, Variables variables) throws YamlException {
        return of(path, yaml.load(path, bytes), variables);
    }

    public ComposeFile load(String path, String text, Variables variables) throws YamlException {
        return of(path, yaml.load(path, text), variables);
    }

    private static ComposeFile of(String path, YamlDocument doc, Variables variables) throws YamlException {
        YNode root = doc.root() == null ? null : doc.root().resolve();
        if (root instanceof YScalar s && s.isNull()) {
            doc = new YamlDocument(doc.text(), doc.bom(), null, doc.comments(), doc.lines());
        } else if (root != null && !(root instanceof YMapping)) {
            String found = root instanceof YSequence ? "a list" : "a scalar";
            throw new YamlException("the top level of a compose file must be a mapping (services:, volumes:, "
                    + "...), found " + found, root.start());
        }
        return new ComposeFile(path, doc, new Interpolator(variables));
    }
}
