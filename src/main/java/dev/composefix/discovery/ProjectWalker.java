package dev.composefix.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks a directory tree depth-first in name order, honouring gitignore rules, skipping
 * {@code .git} and {@code node_modules}, following symbolic links without ever entering a
 * directory twice, and collecting the regular files a predicate accepts.
 *
 * <p>Paths are reported as reached from the start path, which is kept as given (a relative start
 * gives relative results, a path through a symbolic link keeps the link's name). Unreadable
 * directories and broken links become {@link Problem}s; the walk never throws for them.
 * Each directory is entered at most once (by real path), so a symbolic link to an ancestor or to
 * a directory already walked is skipped. Files are not deduplicated: two links to one file give
 * two paths.
 *
 * <p>For gitignore matching, a symbolic link counts as what it points to, so {@code dir/} matches
 * a link to a directory (git itself never follows links and would treat it as a file).
 */
public final class ProjectWalker {

    /** Directory names that are never entered. */
    public static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules");

    /** Lists the entry names of a directory. */
    @FunctionalInterface
    interface Lister {
        List<String> list(Path dir) throws IOException;
    }

    private final Lister lister;

    /** A walker reading the file system. */
    public ProjectWalker() {
        this(FileSystemLister.INSTANCE);
    }

    ProjectWalker(Lister lister) {
        this.lister = lister;
    }

    /** Walks the directory {@code start}; the result lists accepted files in walk order. */
    public Discovered walk(Path start, Predicate<Path> accept) {
        return new Walk(accept).run(start);
    }

    /** The state of one walk. */
    private final class Walk {
        final Predicate<Path> accept;
        final List<Path> files = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Set<Path> entered = new HashSet<>();
        final Deque<Frame> stack = new ArrayDeque<>();

        Walk(Predicate<Path> accept) {
            this.accept = accept;
        }

        Discovered run(Path start) {
            try {
                Path real = start.toRealPath();
                if (Files.isDirectory(real)) {
                    entered.add(real);
                    open(start, IgnoreScope.start(real, problems));
                } else {
                    problems.add(new Problem(start, "not a directory"));
                }
            } catch (IOException e) {
                problems.add(new Problem(start, Problem.describe(e)));
            }
            while (!stack.isEmpty()) {
                Frame frame = stack.peek();
                if (frame.next == frame.names.size()) {
                    stack.pop();
                } else {
                    visit(frame, frame.names.get(frame.next++));
                }
            }
            return new Discovered(files, problems);
        }

        void visit(Frame frame, String name) {
            Path path = frame.dir.resolve(name);
            BasicFileAttributes attributes = attributes(frame, name, path);
            if (attributes == null) {
                return;
            }
            if (attributes.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.contains(name) && !frame.scope.ignores(name, true)) {
                    enter(frame, name, path);
                }
            } else if (attributes.isRegularFile() && wanted(frame, name, path)) {
                files.add(path);
            }
        }

        /** The attributes of the entry, links followed; null, after recording any problem, if unknown. */
        BasicFileAttributes attributes(Frame frame, String name, Path path) {
            try {
                return Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                // A dangling link, or an entry deleted since the listing.
                if (Files.isSymbolicLink(path) && wanted(frame, name, path)) {
                    problems.add(new Problem(path, "broken symbolic link"));
                }
            } catch (AccessDeniedException e) {
                if (!Files.isSymbolicLink(path)) {
                    // The directory can be listed but not searched: none of its entries can be examined.
                    problems.add(new Problem(frame.dir, "cannot examine entries: permission denied"));
                    frame.next = frame.names.size();
                } else if (wanted(frame, name, path)) {
                    problems.add(new Problem(path, "permission denied"));
                }
            } catch (IOException e) {
                problems.add(new Problem(path, Problem.describe(e)));
            }
            return null;
        }

        boolean wanted(Frame frame, String name, Path path) {
            return !frame.scope.ignores(name, false) && accept.test(path);
        }

        void enter(Frame frame, String name, Path path) {
            Path real;
            try {
                real = path.toRealPath();
            } catch (IOException e) {
                problems.add(new Problem(path, Problem.describe(e)));
                return;
            }
            if (entered.add(real)) {
                open(path, IgnoreScope.enter(path, frame.scope, name, problems));
            }
        }

        void open(Path dir, IgnoreScope scope) {
            try {
                List<String> names = new ArrayList<>(lister.list(dir));
                names.sort(null);
                stack.push(new Frame(dir, scope, names));
            } catch (IOException e) {
                problems.add(new Problem(dir, "cannot read directory: " + Problem.describe(e)));
            } catch (UncheckedIOException e) {
                problems.add(new Problem(dir, "cannot read directory: " + Problem.describe(e.getCause())));
            }
        }
    }

    private static List<String> listNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return names;
    }

    /** {@link #listNames} as a {@link Lister} (a class rather than a lambda, which a start would have to link). */
    private static final class FileSystemLister implements Lister {
        static final FileSystemLister INSTANCE = new FileSystemLister();

        @Override
        public List<String> list(Path dir) throws IOException {
            return listNames(dir);
        }
    }

    private static final class Frame {
        final Path dir;
        final IgnoreScope scope;
        final List<String> names;
        int next;

        Frame(Path dir, IgnoreScope scope, List<String> names) {
            this.dir = dir;
            this.scope = scope;
            this.names = names;
        }
    }
}
