package dev.composefix.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Finds the Compose files a {@code composefix lint PATH...} run should check. */
public final class ComposeFiles {

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
        // (docker-)?compose([.-][^/]*)?\.ya?ml, ASCII letters in either case, read by hand rather than by a
        // regular expression, which every start would compile and run interpreted (ComposeFilesTest holds the
        // two alike).
        int at = startsWith(fileName, 0, "docker-compose") ? 14 : startsWith(fileName, 0, "compose") ? 7 : -1;
        if (at < 0) {
            return false;
        }
        int n = fileName.length();
        int end = endsWith(fileName, ".yaml") ? n - 5 : endsWith(fileName, ".yml") ? n - 4 : -1;
        if (end < at) {
            return false;
        }
        if (end > at) {
            char c = fileName.charAt(at);
            if (c != '.' && c != '-' || fileName.indexOf('/', at) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} has {@code lower} (lower case ASCII) at {@code at}, ignoring ASCII case. */
    private static boolean startsWith(String s, int at, String lower) {
        return s.regionMatches(true, at, lower, 0, lower.length()) && ascii(s, at, lower.length());
    }

    private static boolean endsWith(String s, String lower) {
        return s.length() >= lower.length() && startsWith(s, s.length() - lower.length(), lower);
    }

    /** Whether {@code s}'s characters from {@code at} on ({@code length} of them) are ASCII. */
    private static boolean ascii(String s, int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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
        return find(arguments, NoneAlso.INSTANCE);
    }

    /**
     * Like {@link #find(List)}, where a directory also contributes the files that {@code also.apply(directory)}
     * accepts (in one walk, in walk order with the Compose files).
     */
    public Discovered find(List<Path> arguments, java.util.function.Function<Path, Predicate<Path>> also) {
        List<Path> files = new ArrayList<>();
        Set<Problem> problems = new LinkedHashSet<>();
        Set<Path> seen = new HashSet<>();
        RealPaths real = new RealPaths();
        for (Path argument : arguments) {
            // The entry itself first (lstat): unless it is a symbolic link, that is also what following links
            // reads, and it tells the real path of a file below an already known directory.
            BasicFileAttributes own;
            BasicFileAttributes attributes;
            try {
                own = Files.readAttributes(argument, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                attributes = own.isSymbolicLink() ? Files.readAttributes(argument, BasicFileAttributes.class) : own;
            } catch (IOException e) {
                try {
                    // what following links says (the same, when the entry itself cannot be read)
                    own = null;
                    attributes = Files.readAttributes(argument, BasicFileAttributes.class);
                } catch (IOException followed) {
                    problems.add(new Problem(argument,
                            Files.isSymbolicLink(argument) ? "broken symbolic link" : Problem.describe(followed)));
                    continue;
                }
            }
            if (attributes.isDirectory()) {
                Predicate<Path> extra = also.apply(argument);
                Discovered walked = walker.walk(argument, new ComposeOr(extra));
                for (Path file : walked.files()) {
                    addOnce(file, real.of(file), files, seen);
                }
                problems.addAll(walked.problems());
            } else {
                addOnce(argument, own != null && !own.isSymbolicLink() ? real.ofEntry(argument) : real.of(argument),
                        files, seen);
            }
        }
        return new Discovered(files, new ArrayList<>(problems));
    }

    /**
     * No file beyond the Compose files, in any directory. Classes rather than lambdas, which a start would
     * have to link.
     */
    private static final class NoneAlso implements java.util.function.Function<Path, Predicate<Path>> {
        static final NoneAlso INSTANCE = new NoneAlso();
        private static final Predicate<Path> NONE = new None();

        @Override
        public Predicate<Path> apply(Path root) {
            return NONE;
        }

        /** Accepts no path. */
        private static final class None implements Predicate<Path> {
            @Override
            public boolean test(Path path) {
                return false;
            }
        }
    }

    /** A Compose file, or a file {@code extra} accepts (a class rather than a lambda). */
    private static final class ComposeOr implements Predicate<Path> {
        private final Predicate<Path> extra;

        ComposeOr(Predicate<Path> extra) {
            this.extra = extra;
        }

        @Override
        public boolean test(Path p) {
            return isComposeFile(p) || extra.test(p);
        }
    }

    private static void addOnce(Path file, Path identity, List<Path> files, Set<Path> seen) {
        if (seen.add(identity)) {
            files.add(file);
        }
    }

    /**
     * Real paths ({@link Path#toRealPath}, else the absolute normal path) of the files found, with the real
     * path of each directory looked up once: a file that is not a symbolic link is its directory's real path
     * and its name, which is how the real path is resolved (the directory's, then the name, which is
     * no link). The files of a run share a few hundred directories.
     */
    static final class RealPaths {

        private final java.util.Map<Path, Optional<Path>> directories = new java.util.HashMap<>();

        /** The real path of {@code file}, whatever it is. */
        Path of(Path file) {
            try {
                return file.toRealPath();
            } catch (IOException e) {
                return file.toAbsolutePath().normalize();
            }
        }

        /** The real path of {@code file}, an existing entry that is not a symbolic link. */
        Path ofEntry(Path file) {
            Path absolute = file.toAbsolutePath();
            Path dir = absolute.getParent();
            Path name = absolute.getFileName();
            if (dir == null || name == null || name.toString().equals(".") || name.toString().equals("..")) {
                return of(file);
            }
            Optional<Path> realDir = directories.get(dir);
            if (realDir == null) {
                try {
                    realDir = Optional.of(dir.toRealPath());
                } catch (IOException e) {
                    realDir = Optional.empty();
                }
                directories.put(dir, realDir);
            }
            return realDir.isPresent() ? realDir.get().resolve(name) : of(file);
        }
    }
}
