package dev.composefix.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The patterns of one gitignore-format file, anchored at the directory the file applies to. */
public final class IgnoreFile {

    private final String base;
    private final byte[] baseBytes;
    private final IgnorePattern[] patterns;

    private IgnoreFile(String base, List<IgnorePattern> patterns) {
        this.base = base;
        this.baseBytes = base.getBytes(StandardCharsets.UTF_8);
        this.patterns = patterns.toArray(new IgnorePattern[0]);
    }

    /**
     * Parses gitignore text.
     *
     * @param base the '/'-separated path, relative to the top of the rules, of the directory the
     *     patterns are relative to; empty for the top itself
     * @param content the file's text; a leading byte-order mark is skipped
     */
    public static IgnoreFile parse(String base, String content) {
        if (base.startsWith("/") || base.endsWith("/")) {
            throw new IllegalArgumentException("base must be relative, without a trailing slash: " + base);
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<IgnorePattern> patterns = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            IgnorePattern pattern = IgnorePattern.parse(line);
            if (pattern != null) {
                patterns.add(pattern);
            }
        }
        return new IgnoreFile(base, patterns);
    }

    /** Reads a gitignore file as UTF-8 (malformed bytes are replaced); see {@link #parse}. */
    public static IgnoreFile read(Path file, String base) throws IOException {
        return parse(base, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** The base directory given to {@link #parse}. */
    public String base() {
        return base;
    }

    /** How many patterns the file has (blank lines and comments excluded). */
    public int size() {
        return patterns.length;
    }

    /**
     * The last pattern matching the path, or null.
     *
     * @param path UTF-8 bytes of the path relative to the top; it must lie below {@link #base()}
     * @param nameFrom where its last component starts
     */
    IgnorePattern lastMatch(byte[] path, int nameFrom, boolean directory) {
        int from = baseBytes.length == 0 ? 0 : baseBytes.length + 1;
        for (int i = patterns.length - 1; i >= 0; i--) {
            if (patterns[i].matches(path, from, nameFrom, directory)) {
                return patterns[i];
            }
        }
        return null;
    }

    /** Whether {@code path} (relative to the top) lies strictly below this file's base. */
    boolean covers(byte[] path) {
        if (baseBytes.length == 0) {
            return path.length > 0;
        }
        return path.length > baseBytes.length + 1
                && path[baseBytes.length] == '/'
                && Arrays.equals(baseBytes, 0, baseBytes.length, path, 0, baseBytes.length);
    }
}
