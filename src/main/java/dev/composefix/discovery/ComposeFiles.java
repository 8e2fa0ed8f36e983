package dev.composefix.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Finds the Compose files a {@code composefix lint PATH...} run should check. */
public final class ComposeFiles {

    private static final Pattern NAME =
            Pattern.compile("(docker-)?compose([.-][^/]*)?\\.ya?ml", Pattern.CASE_INSENSITIVE);

    private final ProjectWalker walker;

    /** Discovery over the real file system. */
    public ComposeFiles() {
        this(new ProjectWalker());
    }

    ComposeFiles(ProjectWalker walker) {
        this.walker = walker;
    }

    /**
     * Whether a file name is a Compose file name: {@code compose.yaml}, {@code docker-compose.yml},
     * and variants such as {@code compose.override.yaml} or {@code docker-compose-dev.yml},
     * case-insensitively.
     */
    public static boolean isComposeFileName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** Whether a path's last component is a Compose file name. */
    public static boolean isComposeFile(Path path) {
        Path name = path.getFileName();
        return name != null && isComposeFileName(name.toString());
    }

    /**
     * The files to lint for the given arguments, in argument order: a file argument is taken
     * whatever its name; a directory contributes the Compose files found by walking it (see
     * {@link ProjectWalker}); a missing path is a problem. Paths keep the arguments' spelling.
     * A file reached twice (same real path) is listed once, where it was first reached.
     */
    public Discovered find(List<Path> arguments) {
        return find(arguments, root -> path -> false);
    }

    /**
     * Like {@link #find(List)}, where a directory also contributes the files that {@code also.apply(directory)}
     * accepts (in one walk, in walk order with the Compose files).
     */
    public Discovered find(List<Path> arguments, java.util.function.Function<Path, Predicate<Path>> also) {
        List<Path> files = new ArrayList<>();
        Set<Problem> problems = new LinkedHashSet<>();
        Set<Path> seen = new HashSet<>();
        for (Path argument : arguments) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(argument, BasicFileAttributes.class);
            } catch (IOException e) {
                problems.add(new Problem(argument,
                        Files.isSymbolicLink(argument) ? "broken symbolic link" : Problem.describe(e)));
                continue;
            }
            if (attributes.isDirectory()) {
                Predicate<Path> extra = also.apply(argument);
                Discovered walked = walker.walk(argument, p -> isComposeFile(p) || extra.test(p));
                for (Path file : walked.files()) {
                    addOnce(file, files, seen);
                }
                problems.addAll(walked.problems());
            } else {
                addOnce(argument, files, seen);
            }
        }
        return new Discovered(files, new ArrayList<>(problems));
    }

    private static void addOnce(Path file, List<Path> files, Set<Path> seen) {
        Path identity;
        try {
            identity = file.toRealPath();
        } catch (IOException e) {
            identity = file.toAbsolutePath().normalize();
        }
        if (seen.add(identity)) {
            files.add(file);
        }
    }
}
