package dev.composefix.cli;

import dev.composefix.model.DotEnv;
import dev.composefix.model.Variables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups the files of a run into projects as {@code docker compose} loads them when no {@code -f} is
 * given: a base file ({@code compose.yaml}, {@code docker-compose.yml}, ...) with its
 * {@code *.override.*} sibling, or the files {@code COMPOSE_FILE} lists (from the environment or the
 * directory's {@code .env}); an override file given alone is loaded with its base. Every other file
 * is a project of its own.
 */
final class ProjectFiles {

    private static final List<String> BASES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");
    /** The names {@code (docker-)?compose\\.override\\.ya?ml} (a set rather than an expression to compile at start). */
    private static final Set<String> OVERRIDES = Set.of("compose.override.yaml", "compose.override.yml",
            "docker-compose.override.yaml", "docker-compose.override.yml");

    private ProjectFiles() {
    }

    /**
     * The projects for these inputs, in input order. Files the grouping adds (an override beside a
     * base, a base beside an override, the files of COMPOSE_FILE) come without bytes: the project
     * loader reads them, and names a missing one.
     */
    static List<List<Input>> group(List<Input> inputs, Map<String, String> environment) throws IOException {
        List<List<Input>> out = new ArrayList<>();
        Set<Path> taken = new HashSet<>();
        Map<Path, Input> given = new LinkedHashMap<>();
        for (Input in : inputs) {
            given.put(key(in.path()), in);
        }
        for (Input in : inputs) {
            if (taken.contains(key(in.path()))) {
                continue;
            }
            List<Path> files = projectOf(in.path(), environment);
            List<Input> project = new ArrayList<>();
            for (Path p : files) {
                Input known = given.get(key(p));
                project.add(known != null ? known : new Input(p.normalize().toString(), p, null));
                taken.add(key(p));
            }
            out.add(project);
        }
        return out;
    }

    /** The files of the project {@code file} belongs to, the base first. */
    static List<Path> projectOf(Path file, Map<String, String> environment) throws IOException {
        Path name = file.getFileName();
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        if (name == null) {
            return List.of(file);
        }
        String n = name.toString();
        if (BASES.contains(n)) {
            List<Path> listed = composeFileVariable(dir, environment);
            if (!listed.isEmpty()) {
                return listed;
            }
            List<Path> out = new ArrayList<>(List.of(file));
            out.addAll(overrides(dir, n));
            return out;
        }
        if (OVERRIDES.contains(n)) {
            String stem = n.startsWith("docker-") ? "docker-compose" : "compose";
            for (String base : BASES) {
                if (base.startsWith(stem + ".") && Files.isRegularFile(dir.resolve(base))) {
                    List<Path> out = new ArrayList<>(List.of(dir.resolve(base)));
                    out.addAll(overrides(dir, base));
                    return out;
                }
            }
        }
        return List.of(file);
    }

    /** The override files beside base {@code base}: {@code compose.override.yaml} for {@code compose.yaml}, ... */
    private static List<Path> overrides(Path dir, String base) {
        String stem = base.startsWith("docker-") ? "docker-compose" : "compose";
        List<Path> out = new ArrayList<>();
        for (String ext : List.of("yaml", "yml")) {
            Path p = dir.resolve(stem + ".override." + ext);
            if (Files.isRegularFile(p)) {
                out.add(p);
                break; // docker compose takes the first of these it finds
            }
        }
        return out;
    }

    /** COMPOSE_FILE from the environment or the directory's .env, as paths relative to the directory. */
    private static List<Path> composeFileVariable(Path dir, Map<String, String> environment) throws IOException {
        String value = environment.get("COMPOSE_FILE");
        String separator = environment.get("COMPOSE_PATH_SEPARATOR");
        Path env = dir.resolve(".env");
        if (Files.isRegularFile(env)) {
            Map<String, String> dotenv = DotEnv.parse(Files.readString(env, StandardCharsets.UTF_8),
                    Variables.of(environment));
            if (value == null) {
                value = dotenv.get("COMPOSE_FILE");
            }
            if (separator == null) {
                separator = dotenv.get("COMPOSE_PATH_SEPARATOR");
            }
        }
        List<Path> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String part : value.split(Pattern.quote(separator == null || separator.isEmpty() ? ":" : separator))) {
            if (!part.isBlank()) {
                out.add(dir.resolve(part.strip()).normalize());
            }
        }
        return out;
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
