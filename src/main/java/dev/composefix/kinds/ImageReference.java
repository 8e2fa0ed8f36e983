package dev.composefix.kinds;

import dev.composefix.model.Interpolator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An image reference split the way Docker splits it: registry host, repository path, tag and digest.
 *
 * <p>The first path component is a registry host when more components follow and it contains
 * {@code .} or {@code :}, is {@code localhost}, or has upper-case letters; otherwise the image is on
 * Docker Hub. Docker Hub's aliases ({@code index.docker.io}, ...) become {@code docker.io}, and the
 * {@code library/} namespace of official images is dropped, so {@code postgres},
 * {@code docker.io/library/postgres} and {@code library/postgres} all have the path {@code postgres}.
 *
 * <p>Parsing never fails. The text may come from interpolation with unknown variables left empty
 * ({@code ${REGISTRY}/postgres:16} becomes {@code /postgres:16}); an empty first component then means
 * an unknown registry ({@link #UNKNOWN_REGISTRY}), and leftover {@code ${...}} or {@code $NAME}
 * references are treated as empty. Paths are lower-cased (Docker rejects upper-case repositories).
 *
 * @param registry the registry host in lower case, {@code docker.io} for Docker Hub, or
 *     {@link #UNKNOWN_REGISTRY} when an unresolved variable stood in its place
 * @param path the repository path, possibly empty when nothing usable was left
 * @param tag the tag, or null when none was written (empty when written but empty)
 * @param digest the digest after {@code @} (such as {@code sha256:...}), or null
 */
public record ImageReference(String registry, String path, String tag, String digest) {

    /** Docker Hub's canonical registry name. */
    public static final String DOCKER_HUB = "docker.io";

    /** The registry of a reference whose registry part was an unresolved variable. */
    public static final String UNKNOWN_REGISTRY = "";

    private static final Set<String> HUB_ALIASES = Set.of("docker.io", "index.docker.io",
            "registry-1.docker.io", "registry.hub.docker.com");

    /** Splits {@code text} (null is treated as empty); never throws. */
    public static ImageReference parse(String text) {
        String s = withoutVariables(text == null ? "" : text).strip();
        String digest = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
        }
        String tag = null;
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        String[] parts = s.split("/", -1);
        String registry = DOCKER_HUB;
        int first = 0;
        if (parts.length > 1) {
            String head = parts[0];
            if (head.isEmpty()) {
                registry = UNKNOWN_REGISTRY;
                first = 1;
            } else if (isRegistryHost(head)) {
                registry = canonicalRegistry(head);
                first = 1;
            }
        }
        List<String> components = new ArrayList<>();
        for (int i = first; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                components.add(parts[i].toLowerCase(Locale.ROOT));
            }
        }
        boolean hubLike = registry.equals(DOCKER_HUB) || registry.equals(UNKNOWN_REGISTRY);
        if (hubLike && components.size() > 1 && components.get(0).equals("library")) {
            components.remove(0);
        }
        return new ImageReference(registry, String.join("/", components), tag, digest);
    }

    /** Whether the image is on Docker Hub (written with or without {@code docker.io}). */
    public boolean isDockerHub() {
        return DOCKER_HUB.equals(registry);
    }

    /** Whether the registry part was an unresolved variable. */
    public boolean registryUnknown() {
        return UNKNOWN_REGISTRY.equals(registry);
    }

    /** Whether no repository path is left (empty text, a bare digest, only unknown variables). */
    public boolean isEmpty() {
        return path.isEmpty();
    }

    /** A registry host in lower case, Docker Hub's aliases as {@value #DOCKER_HUB}. */
    static String canonicalRegistry(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return HUB_ALIASES.contains(h) ? DOCKER_HUB : h;
    }

    private static boolean isRegistryHost(String component) {
        return component.indexOf('.') >= 0 || component.indexOf(':') >= 0 || component.equals("localhost")
                || !component.equals(component.toLowerCase(Locale.ROOT));
    }

    /** Drops {@code ${...}} (nested braces included) and {@code $NAME}; keeps a lone {@code $}. */
    private static String withoutVariables(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int depth = 0;
                int j = i + 1;
                for (; j < text.length(); j++) {
                    char d = text.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}' && --depth == 0) {
                        break;
                    }
                }
                i = j + 1;
            } else if (c == '$' && i + 1 < text.length() && Interpolator.isNameStart(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < text.length()
                        && (Interpolator.isNameStart(text.charAt(j)) || Character.isDigit(text.charAt(j)))) {
                    j++;
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
