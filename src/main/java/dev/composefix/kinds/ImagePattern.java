package dev.composefix.kinds;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A repository pattern of a service kind, such as {@code postgres}, {@code postgis/postgis},
 * {@code docker.elastic.co/elasticsearch/elasticsearch} or {@code **}{@code /*-exporter}.
 *
 * <p>A pattern names a repository, never a tag or digest. Without a registry it matches the repository
 * path on any registry (so private mirrors of {@code postgres} are still PostgreSQL; a mirror's
 * {@code library/} prefix is ignored); with a registry it matches that registry only, or a reference
 * whose registry is unknown. In the path, {@code *} matches within one component and {@code **}{@code /}
 * matches any number of leading components. The last component must keep a literal part, so no
 * pattern can swallow every image.
 */
public final class ImagePattern {

    private final String text;
    private final String registry;
    /** The repository path when the pattern has no wildcard (most do not), else null. */
    private final String literal;
    /** The path as a regular expression when it has a wildcard, else null. */
    private final String regex;
    /**
     * That expression compiled, when first matched: every start reads (and checks) some two hundred
     * built-in patterns, and a lint matches images against few of them.
     */
    private volatile Pattern path;

    private ImagePattern(String text, String registry, String literal, String regex) {
        this.text = text;
        this.registry = registry;
        this.literal = literal;
        this.regex = regex;
    }

    /**
     * Whether {@code t} is made of {@code [a-z0-9._/*:-]} only: a loop rather than a regular expression,
     * which a start (that reads every built-in pattern) would compile and run interpreted.
     */
    private static boolean valid(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '/' || c == '*'
                    || c == ':' || c == '-')) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    /** Parses a pattern; a malformed one is an {@link IllegalArgumentException} saying why. */

    public static ImagePattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an image pattern is empty");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!valid(t)) {
            throw new IllegalArgumentException("image pattern '" + text + "' may hold only letters, digits, "
                    + "'.', '_', '-', '/', ':' and '*'");
        }
        if (t.indexOf('@') >= 0) {
            throw new IllegalArgumentException("image pattern '" + text + "' names a digest; patterns match "
                    + "repositories");
        }
        String[] parts = t.split("/", -1);
        String registry = null;
        int first = 0;
        if (parts.length > 1 && (parts[0].indexOf('.') >= 0 || parts[0].indexOf(':') >= 0
                || parts[0].equals("localhost"))) {
            if (parts[0].indexOf('*') >= 0) {
                throw new IllegalArgumentException("image pattern '" + text + "' has a wildcard in its registry");
            }
            registry = ImageReference.canonicalRegistry(parts[0]);
            first = 1;
        }
        StringBuilder path = new StringBuilder();
        for (int i = first; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new IllegalArgumentException("image pattern '" + text + "' has an empty path component");
            }
            if (parts[i].indexOf(':') >= 0) {
                throw new IllegalArgumentException("image pattern '" + text + "' has a tag; patterns match "
                        + "repositories, whatever the tag");
            }
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(parts[i]);
        }
        String p = path.toString();
        if (ImageReference.DOCKER_HUB.equals(registry) && p.startsWith("library/")) {
            p = p.substring("library/".length());
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        if (last.replace("*", "").isEmpty()) {
            throw new IllegalArgumentException("image pattern '" + text + "' is too broad: its last component "
                    + "needs a literal part");
        }
        // A pattern without a wildcard matches its path exactly: compared as a string, not compiled (every
        // start reads some two hundred built-in patterns, and compiling them was a good part of it).
        return p.indexOf('*') < 0 ? new ImagePattern(text.strip(), registry, p, null)
                : new ImagePattern(text.strip(), registry, null, globToRegex(p));
    }

    /** Whether the reference's repository matches this pattern. */
    public boolean matches(ImageReference ref) {
        if (ref.isEmpty()) {
            return false;
        }
        if (registry != null && !ref.registryUnknown() && !registry.equals(ref.registry())) {
            return false;
        }
        String p = ref.path();
        if (pathMatches(p)) {
            return true;
        }
        return registry == null && p.startsWith("library/") && pathMatches(p.substring(8));
    }

    private boolean pathMatches(String p) {
        if (literal != null) {
            return literal.equals(p);
        }
        Pattern compiled = path;
        if (compiled == null) {
            compiled = Pattern.compile(regex); // the same for every thread that gets here first
            path = compiled;
        }
        return compiled.matcher(p).matches();
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**/", i)) {
                re.append("(?:[^/]+/)*");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (glob.charAt(i) == '*') {
                re.append("[^/]*");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                i++;
            }
        }
        return re.toString();
    }
}
