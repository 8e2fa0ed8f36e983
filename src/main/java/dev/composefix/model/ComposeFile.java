package dev.composefix.model;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlDocument;
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
    private final List<YamlDocument> documents;
    private final Interpolator interpolator;
    private final Map<String, Interpolator> interpolators;
    private final YMapping root;
    private final Map<String, Service> services;
    /** The services in file order, made once: rules ask for them many times (per service, some). */
    private final List<Service> serviceList;

    /**
     * @param path the file as the user named it (used in reports)
     * @param document the parsed file; its root must be a mapping or absent
     */
    public ComposeFile(String path, YamlDocument document, Interpolator interpolator) {
        this(path, document.root() == null ? null : (YMapping) document.root().resolve(), List.of(document),
                Map.of(), interpolator);
    }

    /**
     * A project of several files merged into one model.
     *
     * @param path the first file as the user named it
     * @param root the merged model, made of the documents' own nodes (each knowing its file) and of
     *     merged collections
     * @param documents every file of the project, the first one first
     * @param interpolators the interpolation of each file's values, by file name, where it differs
     *     from {@code interpolator} (an included project's own env file)
     */
    public ComposeFile(String path, YMapping root, List<YamlDocument> documents, Map<String, Interpolator> interpolators,
            Interpolator interpolator) {
        this.path = path;
        this.document = documents.get(0);
        this.documents = List.copyOf(documents);
        this.interpolator = interpolator;
        this.interpolators = Map.copyOf(interpolators);
        this.root = root;
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
        this.serviceList = List.copyOf(s.values());
    }

    public String path() {
        return path;
    }

    /** The first (or only) file's document. */
    public YamlDocument document() {
        return document;
    }

    /** Every file of the project, in merge order (one for a single file). */
    public List<YamlDocument> documents() {
        return documents;
    }

    /** The document of the file named {@code source}, or null. */
    public YamlDocument document(String source) {
        for (YamlDocument d : documents) {
            if (java.util.Objects.equals(d.source(), source)) {
                return d;
            }
        }
        return null;
    }

    /** The top-level mapping, or null for an empty file. */
    public YMapping root() {
        return root;
    }

    /** The services in file order (unmodifiable). */
    public List<Service> services() {
        return serviceList;
    }

    /** How many services the file has. */
    public int serviceCount() {
        return services.size();
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

    /** A scalar's value after interpolation (by its own file's variables); null for a null scalar or a collection. */
    public Interpolated text(YNode node) {
        if (node != null && node.resolve() instanceof YScalar s && !s.isNull()) {
            Interpolator own = interpolators.isEmpty() ? null : interpolators.get(s.start().source());
            return (own != null ? own : interpolator).apply(s.value());
        }
        return null;
    }
}
