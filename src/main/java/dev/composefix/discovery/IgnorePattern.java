package dev.composefix.discovery;

/** One line of a gitignore file, compiled: its glob plus the negation, directory-only and anchoring flags. */
final class IgnorePattern {

    private final Glob glob;
    private final boolean negated;
    private final boolean directoryOnly;
    /** True when the pattern has no slash (other than a trailing one) and so matches basenames. */
    private final boolean basenameOnly;
    private final String source;

    private IgnorePattern(Glob glob, boolean negated, boolean directoryOnly, boolean basenameOnly, String source) {
        this.glob = glob;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.basenameOnly = basenameOnly;
        this.source = source;
    }

    /**
     * Parses one line (without its line terminator; a trailing CR is dropped); null for a blank line
     * or a comment.
     */
    static IgnorePattern parse(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        text = trimTrailingSpaces(text);
        if (text.isEmpty() || text.charAt(0) == '#') {
            return null;
        }
        String source = text;
        boolean negated = text.charAt(0) == '!';
        if (negated) {
            text = text.substring(1);
        }
        boolean directoryOnly = text.endsWith("/");
        if (directoryOnly) {
            text = text.substring(0, text.length() - 1);
        }
        boolean basenameOnly = text.indexOf('/') < 0;
        if (!basenameOnly && text.startsWith("/")) {
            text = text.substring(1);
        }
        return new IgnorePattern(Glob.compile(text), negated, directoryOnly, basenameOnly, source);
    }

    /** Drops trailing spaces (not tabs) that are not quoted by a backslash. */
    static String trimTrailingSpaces(String text) {
        int cut = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (cut < 0) {
                    cut = i;
                }
            } else if (c == '\\') {
                if (i + 1 == text.length()) {
                    return text;
                }
                i++;
                cut = -1;
            } else {
                cut = -1;
            }
        }
        return cut < 0 ? text : text.substring(0, cut);
    }

    boolean negated() {
        return negated;
    }

    /**
     * Whether this pattern matches a path.
     *
     * @param path UTF-8 bytes of a '/'-separated path
     * @param from where the path relative to this pattern's directory starts
     * @param nameFrom where the last component starts
     */
    boolean matches(byte[] path, int from, int nameFrom, boolean directory) {
        if (directoryOnly && !directory) {
            return false;
        }
        return glob.matches(path, basenameOnly ? nameFrom : from, path.length);
    }

    @Override
    public String toString() {
        return source;
    }
}
