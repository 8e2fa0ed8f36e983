package dev.composefix.model;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one compose file for analysis: its services in source order, top-level keys,
 * and the interpolation that applies to its values.
 */
public final class ComposeFile {

    private final String path;
    private final YamlDocument document;
    private final Interpolator interpolator;
    private final YMapping root;
    private final Map<String, Service> services;

    /**
     * @param path the file as the user named it (used in reports)
     * @param document the parsed file; its root must be a mapping or absent
     */
    public ComposeFile(String path, YamlDocument document, Interpolator interpolator) {
        this.path = path;
        this.document = document;
        this.interpolator = interpolator;
        this.root = document.root() == null ? null : (YMapping) document.root().resolve();
        Map<String, Service> s = new LinkedHashMap<>();
        YEntry servicesEntry = root == null ? null : root.get("services");
        if (servicesEntry != null && servicesEntry.value().resolve() instanceof YMapping m) {
            for (YEntry e : m.members()) {
                String name = e.keyText();
                if (name != null) {
                    s.put(name, new Service(this, name, e));
                }
            }
        }
        this.services = Collections.unmodifiableMap(s);
    }

    public String path() {
        return path;
    }

    public YamlDocument document() {
        return document;
    }

    /** The top-level mapping, or null for an empty file. */
    public YMapping root() {
        return root;
    }

    public List<Service> services() {
        return new ArrayList<>(services.values());
    }

    /** The service named {@code name}, or null. */
    public Service service(String name) {
        return services.get(name);
    }

    /** A top-level entry such as {@code version}, or null. */
    public YEntry topLevel(String key) {
        return root == null ? null : root.get(key);
    }

    public Interpolated interpolate(String text) {
        return interpolator.apply(text);
    }

    /** A scalar's value after interpolation; null for a null scalar or a collection. */
    public Interpolated text(YNode node) {
        if (node != null && node.resolve() instanceof YScalar s && !s.isNull()) {
            return interpolate(s.value());
        }
        return null;
    }
}
