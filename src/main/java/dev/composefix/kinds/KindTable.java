package dev.composefix.kinds;

import dev.composefix.yaml.YNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service kinds in match order, and the classification of a service's image by them. The built-in
 * table comes from {@code dev/composefix/kinds.yaml}; the config key {@code kinds} changes it through
 * {@link #withOverrides}.
 */
public final class KindTable {

    /** The kind of a service that is built from source and whose image no kind recognises. */
    public static final String BUILT_APP = "built-app";

    /** The kind of everything else. */
    public static final String FALLBACK = "generic";

    private static final String RESOURCE = "/dev/composefix/kinds.yaml";

    private static KindTable builtIn;

    /** Kinds already found for an image, for services without and with {@code build}. */
    private final java.util.Map<String, ServiceKind> images = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, ServiceKind> builtImages = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<ServiceKind> kinds;
    private final List<List<ImagePattern>> patterns;
    private final Map<String, ServiceKind> byName;

    private KindTable(List<ServiceKind> kinds) {
        Map<String, ServiceKind> names = new LinkedHashMap<>();
        List<List<ImagePattern>> compiled = new ArrayList<>();
        for (ServiceKind k : kinds) {
            if (names.putIfAbsent(k.name(), k) != null) {
                throw KindBuilder.problem(k.name(), "name", "a second kind has this name");
            }
            boolean special = k.name().equals(BUILT_APP) || k.name().equals(FALLBACK);
            if (special && !k.images().isEmpty()) {
                throw KindBuilder.problem(k.name(), "images", "must be empty: this kind is chosen when no image "
                        + "matches");
            }
            if (!special && k.images().isEmpty()) {
                throw KindBuilder.problem(k.name(), "images", "empty; a kind needs at least one image pattern");
            }
            List<ImagePattern> ps = new ArrayList<>();
            for (String p : k.images()) {
                ps.add(ImagePattern.parse(p));
            }
            compiled.add(List.copyOf(ps));
        }
        for (String required : List.of(BUILT_APP, FALLBACK)) {
            if (!names.containsKey(required)) {
                throw KindBuilder.problem(required, "name", "missing: the table needs this kind");
            }
        }
        this.kinds = List.copyOf(kinds);
        this.patterns = List.copyOf(compiled);
        this.byName = Collections.unmodifiableMap(names);
    }

    /**
     * The built-in table, loaded and checked once. A malformed entry is an {@link IllegalStateException}
     * naming the line, the kind and the field: it is a bug in composefix.
     */
    public static synchronized KindTable builtIn() {
        if (builtIn == null) {
            builtIn = load();
        }
        return builtIn;
    }

    private static KindTable load() {
        YNode indexed = dev.composefix.engine.StartupIndex.kinds();
        if (indexed != null) {
            try {
                return checked(KindFile.read(indexed));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("built-in " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        byte[] bytes;
        try {
            bytes = dev.composefix.engine.Resources.read(RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + RESOURCE, e);
        }
        if (bytes == null) {
            throw new IllegalStateException("built-in " + RESOURCE + " is missing from the jar");
        }
        return fromBuiltInText(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads and checks kinds.yaml text held to the built-in standard; any problem is our bug. */
    static KindTable fromBuiltInText(String text) {
        try {
            return checked(KindFile.read(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("built-in " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static KindTable checked(List<ServiceKind> kinds) {
        for (ServiceKind k : kinds) {
            if (k.hasHealthcheck() && k.healthcheckSource() == null) {
                throw KindBuilder.problem(k.name(), "healthcheck_source", "missing: every built-in health "
                        + "check cites where its tool is shown to be in the image");
            }
        }
        return new KindTable(kinds);
    }

    /** Every kind, in match order. */
    public List<ServiceKind> kinds() {
        return kinds;
    }

    /** The kind named {@code name}; an unknown name is an {@link IllegalArgumentException}. */
    public ServiceKind byName(String name) {
        ServiceKind k = byName.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no service kind is named '" + name + "'; kinds are "
                    + String.join(", ", byName.keySet()));
        }
        return k;
    }

    /**
     * The kind of a service with image {@code image} (interpolated text; null or blank when the service
     * has none) that does or does not have a {@code build} section: the first kind with a matching image
     * pattern, else {@value #BUILT_APP} when it is built, else {@value #FALLBACK}. Never null.
     */
    public ServiceKind classify(String image, boolean hasBuild) {
        if (image == null || image.isBlank()) {
            return byName.get(hasBuild ? BUILT_APP : FALLBACK);
        }
        // Rules ask for a service's kind many times over: each image is matched against the patterns once.
        java.util.Map<String, ServiceKind> cache = hasBuild ? builtImages : images;
        ServiceKind k = cache.get(image);
        if (k == null) {
            k = match(image, hasBuild);
            if (cache.size() < 10_000) {
                cache.put(image, k);
            }
        }
        return k;
    }

    private ServiceKind match(String image, boolean hasBuild) {
        ImageReference ref = ImageReference.parse(image);
        if (!ref.isEmpty()) {
            for (int i = 0; i < kinds.size(); i++) {
                for (ImagePattern p : patterns.get(i)) {
                    if (p.matches(ref)) {
                        return kinds.get(i);
                    }
                }
            }
        }
        return byName.get(hasBuild ? BUILT_APP : FALLBACK);
    }

    /**
     * This table changed by the config key {@code kinds}: for each name (in the map's order), the kind's
     * fields are changed in place, or a new kind is added; new kinds match before every existing one.
     * A replaced health check drops the built-in one's {@code healthcheck_source} unless the override
     * gives its own. A bad name, field or value is an {@link IllegalArgumentException} naming the kind
     * and the field.
     */
    public KindTable withOverrides(Map<String, KindOverride> overrides) {
        List<ServiceKind> result = new ArrayList<>(kinds);
        List<ServiceKind> added = new ArrayList<>();
        for (Map.Entry<String, KindOverride> e : overrides.entrySet()) {
            String name = e.getKey();
            KindOverride o = e.getValue() == null ? KindOverride.of(Map.of()) : e.getValue();
            ServiceKind existing = byName.get(name);
            KindBuilder b = existing != null ? KindBuilder.from(existing)
                    : KindBuilder.basedOn(name, byName.get(FALLBACK));
            if (existing == null && (o.images() == null || o.images().isEmpty())) {
                throw KindBuilder.problem(name, "images", "missing: a new kind needs the images it matches");
            }
            boolean newCheck = o.healthcheck() != null || o.fields().containsKey("healthcheck");
            if (newCheck && !o.fields().containsKey("healthcheck_source")) {
                b.set("healthcheck_source", "none");
            }
            o.fields().forEach(b::set);
            if (o.images() != null) {
                b.images(o.images());
            }
            if (o.healthcheck() != null) {
                b.healthcheck(o.healthcheck());
            }
            ServiceKind changed = b.build();
            if (existing != null) {
                result.set(result.indexOf(existing), changed);
            } else {
                added.add(changed);
            }
        }
        added.addAll(result);
        return new KindTable(added);
    }
}
