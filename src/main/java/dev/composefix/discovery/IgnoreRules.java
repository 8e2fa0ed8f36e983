package dev.composefix.discovery;

import java.nio.charset.StandardCharsets;

/**
 * The gitignore rules in effect in one directory: a chain of {@link IgnoreFile}s where a file added
 * later (a deeper {@code .gitignore}) takes precedence over earlier ones ({@code info/exclude}, then
 * shallower {@code .gitignore}s), and within a file the last matching pattern decides.
 *
 * <p>Instances are immutable and share their tails, so a walker can keep one per open directory.
 * A verdict concerns the path alone: a caller must not descend into ignored directories, which
 * is how git makes their contents impossible to re-include.
 */
public final class IgnoreRules {

    /** No rules: nothing is ignored. */
    public static final IgnoreRules NONE = new IgnoreRules(null, null);

    private final IgnoreFile file;
    private final IgnoreRules outer;

    private IgnoreRules(IgnoreFile file, IgnoreRules outer) {
        this.file = file;
        this.outer = outer;
    }

    /** These rules plus a file that takes precedence over all of them; unchanged if it has no patterns. */
    public IgnoreRules with(IgnoreFile innerFile) {
        return innerFile.size() == 0 ? this : new IgnoreRules(innerFile, this);
    }

    /**
     * Whether the rules ignore a path.
     *
     * @param path '/'-separated, relative to the top of the rules, without a trailing slash
     * @param directory whether the path is a directory (patterns ending in '/' need one)
     */
    public boolean isIgnored(String path, boolean directory) {
        if (file == null) {
            return false;
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        int nameFrom = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '/') {
                nameFrom = i + 1;
                break;
            }
        }
        for (IgnoreRules r = this; r.file != null; r = r.outer) {
            if (!r.file.covers(bytes)) {
                continue;
            }
            IgnorePattern match = r.file.lastMatch(bytes, nameFrom, directory);
            if (match != null) {
                return !match.negated();
            }
        }
        return false;
    }
}
