package dev.composefix.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The gitignore rules in effect inside one directory, with that directory's path relative to the
 * top the rules are anchored at (the repository root, or the walk's start outside a repository).
 */
record IgnoreScope(IgnoreRules rules, String path) {

    static final String GITIGNORE = ".gitignore";
    static final String GIT = ".git";

    /** The relative path of an entry of this directory. */
    String child(String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    boolean ignores(String name, boolean directory) {
        return rules.isIgnored(child(name), directory);
    }

    /**
     * The scope inside the directory where a walk starts: if it lies in a git repository (the
     * nearest ancestor-or-self holding a {@code .git} directory or file), the repository's
     * {@code .git/info/exclude} and the {@code .gitignore}s from the repository root down apply.
     */
    static IgnoreScope start(Path realDir, List<Problem> problems) {
        Path top = realDir;
        while (top != null && !Files.exists(top.resolve(GIT), LinkOption.NOFOLLOW_LINKS)) {
            top = top.getParent();
        }
        if (top == null) {
            return enter(realDir, new IgnoreScope(IgnoreRules.NONE, ""), null, problems);
        }
        IgnoreScope scope = enter(top, null, null, problems);
        for (Path name : top.relativize(realDir)) {
            if (!name.toString().isEmpty()) {
                top = top.resolve(name);
                scope = enter(top, scope, name.toString(), problems);
            }
        }
        return scope;
    }

    /**
     * The scope inside {@code dir}, the entry {@code name} of the directory with scope {@code outer}.
     * A directory holding {@code .git} starts a new repository, whose rules replace the outer ones;
     * so does a null {@code outer}.
     */
    static IgnoreScope enter(Path dir, IgnoreScope outer, String name, List<Problem> problems) {
        IgnoreScope scope;
        Path git = dir.resolve(GIT);
        if (outer == null || Files.exists(git, LinkOption.NOFOLLOW_LINKS)) {
            scope = new IgnoreScope(IgnoreRules.NONE, "");
            Path exclude = git.resolve("info").resolve("exclude");
            if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(exclude)) {
                scope = scope.with(exclude, problems);
            }
        } else {
            scope = name == null ? outer : new IgnoreScope(outer.rules, outer.child(name));
        }
        // Like git, do not follow a .gitignore that is a symbolic link.
        Path gitignore = dir.resolve(GITIGNORE);
        if (Files.isRegularFile(gitignore, LinkOption.NOFOLLOW_LINKS)) {
            scope = scope.with(gitignore, problems);
        }
        return scope;
    }

    private IgnoreScope with(Path ignoreFile, List<Problem> problems) {
        try {
            return new IgnoreScope(rules.with(IgnoreFile.read(ignoreFile, path)), path);
        } catch (IOException e) {
            problems.add(new Problem(ignoreFile, "cannot read ignore file: " + Problem.describe(e)));
            return this;
        }
    }
}
