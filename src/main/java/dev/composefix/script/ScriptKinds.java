package dev.composefix.script;

import dev.composefix.discovery.ComposeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which files hold commands composefix reads, by name, place and (for files without an extension) shebang. */
public final class ScriptKinds {

    /** Folders of other people's code: never searched for scripts. */
    public static final Set<String> VENDORED = Set.of("vendor", "third_party", "third-party", "bower_components",
            ".venv", "venv", "site-packages", ".tox");

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash");
    private static final Set<String> JS = Set.of("js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx");

    private ScriptKinds() {
    }

    /**
     * The kind of {@code path}; {@code relative} is its path below the searched directory (for the
     * vendored-folder and {@code .github/workflows} checks). Compose files are never scripts.
     */
    public static Optional<ScriptKind> of(Path path, Path relative) {
        Path fileName = path.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString();
        if (ComposeFiles.isComposeFileName(name)) {
            return Optional.empty();
        }
        if (relative != null) {
            for (int i = 0; i + 1 < relative.getNameCount(); i++) {
                if (VENDORED.contains(relative.getName(i).toString())) {
                    return Optional.empty();
                }
            }
        }
        Optional<ScriptKind> byName = byName(path, name);
        if (byName.isPresent() || name.indexOf('.') >= 0) {
            return byName;
        }
        return hasShellShebang(path) ? Optional.of(ScriptKind.SHELL) : Optional.empty();
    }

    /** The kind a file name (and for workflows, its folder) says, without reading the file. */
    static Optional<ScriptKind> byName(Path path, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile") || lower.endsWith(".mk")) {
            return Optional.of(ScriptKind.MAKEFILE);
        }
        if (lower.endsWith(".sh") || lower.endsWith(".bash")) {
            return Optional.of(ScriptKind.SHELL);
        }
        if (lower.equals(".gitlab-ci.yml") || lower.equals(".gitlab-ci.yaml")) {
            return Optional.of(ScriptKind.GITLAB_CI);
        }
        boolean yaml = lower.endsWith(".yml") || lower.endsWith(".yaml");
        if (yaml && (lower.equals("action.yml") || lower.equals("action.yaml"))) {
            return Optional.of(ScriptKind.GITHUB_ACTIONS);
        }
        if (yaml) {
            Path parent = path.toAbsolutePath().normalize().getParent();
            Path grand = parent == null ? null : parent.getParent();
            if (parent != null && grand != null && parent.getFileName() != null && grand.getFileName() != null
                    && parent.getFileName().toString().equals("workflows")
                    && grand.getFileName().toString().equals(".github")) {
                return Optional.of(ScriptKind.GITHUB_ACTIONS);
            }
            return Optional.empty();
        }
        if (name.equals("package.json")) {
            return Optional.of(ScriptKind.PACKAGE_JSON);
        }
        if (lower.endsWith(".py")) {
            return Optional.of(ScriptKind.PYTHON);
        }
        int dot = lower.lastIndexOf('.');
        if (dot >= 0 && JS.contains(lower.substring(dot + 1))) {
            return Optional.of(ScriptKind.JAVASCRIPT);
        }
        return Optional.empty();
    }

    /** Whether the file starts with {@code #!} naming sh, bash, zsh (directly or through {@code env}). */
    static boolean hasShellShebang(Path path) {
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException | SecurityException e) {
            return false;
        }
        return isShellShebang(new String(head, 0, n, StandardCharsets.ISO_8859_1));
    }

    /** Whether {@code head} (a file's first bytes) starts with a shell shebang line. */
    public static boolean isShellShebang(String head) {
        if (!head.startsWith("#!")) {
            return false;
        }
        int eol = head.indexOf('\n');
        String line = (eol < 0 ? head.substring(2) : head.substring(2, eol)).strip();
        String[] parts = line.split("[ \t]+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return false;
        }
        String interpreter = basename(parts[0]);
        if (interpreter.equals("env")) {
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("-")) {
                    continue;
                }
                return SHELLS.contains(basename(parts[i]));
            }
            return false;
        }
        return SHELLS.contains(interpreter);
    }

    private static String basename(String p) {
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }
}
