package dev.composefix.rules;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import java.util.Set;

/** Whether one file can be judged as a whole project: what it refers to must then be in it. */
final class ProjectScope {

    /** The names Compose loads without {@code -f}; any other file is usually combined with one of them. */
    private static final Set<String> DEFAULT_NAMES = Set.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    private ProjectScope() {
    }

    /**
     * Whether the file is a project by itself: it has one of the names Compose loads by default
     * ({@code compose.yaml}, {@code docker-compose.yml}, ...; overrides and files passed with
     * {@code -f} extend another file), includes no other file, and has no service that overlays
     * another file's service (no image, build or extends) or extends a service of another file
     * (which brings that file's volumes, networks and dependencies along).
     */
    static boolean standsAlone(ComposeFile file) {
        String path = file.path().replace('\\', '/');
        if (!DEFAULT_NAMES.contains(path.substring(path.lastIndexOf('/') + 1)) || file.topLevel("include") != null) {
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
