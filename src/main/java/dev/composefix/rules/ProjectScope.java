package dev.composefix.rules;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import java.util.Locale;
import java.util.Set;

/** Whether one file can be judged as a whole project: what it refers to must then be in it. */
final class ProjectScope {

    /** The names Compose loads without {@code -f}. */
    private static final Set<String> DEFAULT_NAMES = Set.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    private ProjectScope() {
    }

    /**
     * Whether a file's name says it is combined with another: an override ({@code compose.override.yaml},
     * {@code docker-compose.override.yml}, ...) or another variant of the names Compose loads by itself
     * ({@code compose.prod.yaml}, {@code docker-compose-ci.yml}, {@code compose_databases.yaml}), which
     * are passed with {@code -f} next to the main file or used as {@code extends} libraries. Other names
     * (a file named on the command line, standard input) are taken as whole projects.
     */
    static boolean extraFile(String path) {
        String p = path.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.contains("override")) {
            return true;
        }
        return (name.startsWith("compose") || name.startsWith("docker-compose")) && !DEFAULT_NAMES.contains(name);
    }

    /**
     * Whether the file is a whole project: its main file is not an extra file by its name (see
     * {@link #extraFile}), and no service only overlays another file's service (no image, build or
     * extends). The project loader has already merged overrides and resolved {@code include} and
     * {@code extends}; the checks for them remain for a file loaded without it.
     */
    static boolean standsAlone(ComposeFile file) {
        if (extraFile(file.path()) || file.topLevel("include") != null) {
            return false;
        }
        for (Service s : file.services()) {
            if (s.body() != null && (s.isFragment() || s.entry("extends", "file") != null)) {
                return false;
            }
        }
        return true;
    }
}
