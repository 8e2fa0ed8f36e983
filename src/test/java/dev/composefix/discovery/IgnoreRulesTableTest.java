package dev.composefix.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Patterns against paths, with verdicts taken from gitignore(5) and checked against
 * {@code git check-ignore --no-index} (git 2.39) in a scratch repository.
 *
 * <p>A path ending in '/' is a directory. As in a walk, a path is ignored when it or any parent
 * directory is ignored, and each directory's {@code .gitignore} applies below it.
 */
class IgnoreRulesTableTest {

    static final boolean I = true;   // ignored
    static final boolean K = false;  // kept

    /** One case: ignore files by path (".gitignore", "sub/.gitignore", ".git/info/exclude"). */
    record Case(Map<String, String> files, String path, boolean ignored) {
        @Override
        public String toString() {
            return files + " " + path + " -> " + (ignored ? "ignored" : "kept");
        }
    }

    static Case c(String gitignore, String path, boolean ignored) {
        return new Case(Map.of(".gitignore", gitignore), path, ignored);
    }

    static Case t(String path, boolean ignored, String... fileAndContent) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < fileAndContent.length; i += 2) {
            files.put(fileAndContent[i], fileAndContent[i + 1]);
        }
        return new Case(files, path, ignored);
    }

    static List<Case> cases() {
        return List.of(
                // plain names match at any depth, files and directories, and hide their contents
                c("foo", "foo", I), c("foo", "a/foo", I), c("foo", "a/foo/", I), c("foo", "a/foo/x", I),
                c("foo", "foobar", K), c("foo", "xfoo", K),
                // blank lines, comments, escapes
                c("\n\n", "foo", K),
                c("# foo", "# foo", K), c("#foo", "#foo", K), c("\\#foo", "#foo", I),
                c("\\!important!.txt", "!important!.txt", I),
                c("foo  ", "foo", I), c("foo  ", "foo  ", K),
                c("foo\\ ", "foo ", I), c("foo\\ ", "foo", K), c("foo\\  ", "foo ", I),
                c("foo\t", "foo", K), c("foo\t", "foo\t", I),
                c("foo\r\nbar\r\n", "foo", I), c("foo\r\nbar\r\n", "bar", I),
                c("\uFEFFfoo", "foo", I),
                c("\\*.txt", "*.txt", I), c("\\*.txt", "a.txt", K),
                c("\\?", "?", I), c("\\?", "a", K),
                c("a\\b", "ab", I),
                c("foo\\", "foo", K), c("foo\\", "foo\\", K),
                // negation and order
                c("*.log\n!keep.log", "a.log", I), c("*.log\n!keep.log", "keep.log", K),
                c("*.log\n!keep.log", "x/keep.log", K), c("*.log\n!keep.log", "x/a.log", I),
                c("!keep.log\n*.log", "keep.log", I),
                c("build/\n!build/keep.txt", "build/keep.txt", I),
                c("build\n!build/keep.txt", "build/keep.txt", I),
                c("build/*\n!build/keep.txt", "build/keep.txt", K),
                c("build/*\n!build/keep.txt", "build/other.txt", I),
                c("/*\n!/foo\n/foo/*\n!/foo/bar", "foo/bar/x", K),
                c("/*\n!/foo\n/foo/*\n!/foo/bar", "foo/baz", I),
                c("/*\n!/foo\n/foo/*\n!/foo/bar", "top.txt", I),
                c("/*\n!/foo\n/foo/*\n!/foo/bar", "foo/", K),
                c("!", "a", K),
                // directory-only
                c("foo/", "foo", K), c("foo/", "foo/", I), c("foo/", "a/foo/", I), c("foo/", "a/foo/x", I),
                c("doc/frotz/", "doc/frotz/", I), c("doc/frotz/", "a/doc/frotz/", K),
                c("**/", "x/", I), c("**/", "x", K), c("**/", "x/y", I),
                c("/", "a", K), c("/", "a/", K),
                // anchoring: a leading or middle slash anchors to the .gitignore's directory
                c("/hello.*", "hello.txt", I), c("/hello.*", "a/hello.java", K),
                c("hello.*", "a/hello.java", I),
                c("doc/frotz", "doc/frotz", I), c("doc/frotz", "a/doc/frotz", K),
                c("/doc/frotz", "doc/frotz", I), c("/doc/frotz", "a/doc/frotz", K),
                c("foo/*", "foo/test.json", I), c("foo/*", "foo/bar/", I), c("foo/*", "foo/bar/hello.c", I),
                c("foo/*", "foo/", K), c("foo/*", "x/foo/a", K),
                // wildcards do not cross '/'
                c("*", "anything", I), c("*", "a/b/", I),
                c("?", "a", I), c("?", "ab", K), c("?", "x/a", I),
                c("a?c", "abc", I), c("a?c", "a/c", K), c("x/a?c", "x/a/c", K),
                c("x/*.c", "x/y/z.c", K), c("x/*.c", "x/z.c", I),
                c("*.c", "x/y/z.c", I),
                // **
                c("**/foo", "foo", I), c("**/foo", "x/foo", I), c("**/foo", "x/y/foo", I), c("**/foo", "foox", K),
                c("**/foo/bar", "foo/bar", I), c("**/foo/bar", "x/foo/bar", I), c("**/foo/bar", "foo/x/bar", K),
                c("abc/**", "abc", K), c("abc/**", "abc/", K), c("abc/**", "abc/x", I), c("abc/**", "abc/x/y", I),
                c("abc/**", "x/abc/y", K),
                c("a/**/b", "a/b", I), c("a/**/b", "a/x/b", I), c("a/**/b", "a/x/y/b", I),
                c("a/**/b", "x/a/b", K), c("a/**/b", "a/bb", K), c("a/**/b", "a/xb", K),
                c("a/**/b/", "a/x/b", K), c("a/**/b/", "a/x/b/", I),
                c("foo/**/", "foo/x/", I), c("foo/**/", "foo/x", K),
                c("**", "a", I), c("**", "a/b/c", I),
                c("***/foo", "x/y/foo", I),
                c("a**b", "axxb", I), c("a**b", "ab", I), c("a/x**y", "a/xy", I), c("a/x**y", "a/x/y", K),
                c("a/**b", "a/xb", I), c("a/**b", "a/x/yb", K),
                c("**foo", "x/foo", I), c("**foo", "barfoo", I),
                // The documentation's rule: "**" after a non-slash is an ordinary "*", so "x**/**" is
                // "x*/**". Git 2.39 ignores "xab" here (its literal-prefix shortcut turns the "**"
                // into a leading one); we follow the documentation.
                c("x**/**", "xab", K), c("x**/**", "xab/c", I),
                c("a/**/**/b", "a/b", I), c("a/**/**/b", "a/x/y/b", I),
                // bracket expressions
                c("[abc].txt", "a.txt", I), c("[abc].txt", "d.txt", K),
                c("[a-c].txt", "b.txt", I), c("[a-c].txt", "d.txt", K),
                c("[!a-c].txt", "d.txt", I), c("[!a-c].txt", "a.txt", K),
                c("[^a-c].txt", "d.txt", I), c("[^a-c].txt", "b.txt", K),
                c("[]a].txt", "].txt", I), c("[]a].txt", "a.txt", I), c("[]a].txt", "b.txt", K),
                c("[!]a].txt", "b.txt", I), c("[!]a].txt", "].txt", K),
                c("[a-].txt", "-.txt", I), c("[a-].txt", "a.txt", I), c("[a-].txt", "b.txt", K),
                c("[-a].txt", "-.txt", I),
                c("[z-a].txt", "z.txt", I), c("[z-a].txt", "a.txt", K), c("[z-a].txt", "m.txt", K),
                c("[a-cx-z]", "y", I), c("[a-cx-z]", "d", K),
                c("[a-c-e]", "-", I), c("[a-c-e]", "d", K), c("[a-c-e]", "e", I),
                c("[\\]]x", "]x", I), c("[\\-]x", "-x", I), c("[\\!]x", "!x", I),
                c("[[:digit:]].txt", "5.txt", I), c("[[:digit:]].txt", "x.txt", K),
                c("[[:alpha:]]*", "abc", I), c("[[:alpha:]]*", "1bc", K),
                c("[![:alpha:]]*", "1bc", I), c("[[:upper:][:digit:]]", "Q", I), c("[[:upper:][:digit:]]", "q", K),
                c("[[:xdigit:]][[:punct:]]", "f!", I), c("[[:xdigit:]][[:punct:]]", "g!", K),
                c("a[[:space:]]b", "a b", I), c("a[[:space:]]b", "a\tb", I), c("a[[:space:]]b", "a\u000bb", K),
                c("a[[:blank:]]b", "a\tb", I),
                c("[[:foo:]]", "f", K), c("x[[:foo:]]", "x:", K),
                c("[[:alpha:]", "a", K), c("[[:]x", "[x", I), c("[[:]x", ":x", I),
                c("[[]", "[", I), c("[ab", "[ab", K), c("[ab", "a", K),
                c("x[/]y", "x/y", K), c("x[!a]y", "x/y", K),
                c("[", "[", K), c("]", "]", I),
                c("[z-a].txt", "-.txt", K),
                // bytes, not characters
                c("caf?", "caf\u00e9", K), c("caf??", "caf\u00e9", I), c("*\u00e9", "caf\u00e9", I),
                c("caf\u00e9", "caf\u00e9", I),
                // nested .gitignore files: deeper wins, patterns are relative to their own directory
                t("keep.log", I, ".gitignore", "*.log", "sub/.gitignore", "!keep.log"),
                t("sub/keep.log", K, ".gitignore", "*.log", "sub/.gitignore", "!keep.log"),
                t("sub/deeper/keep.log", K, ".gitignore", "*.log", "sub/.gitignore", "!keep.log"),
                t("sub/other.log", I, ".gitignore", "*.log", "sub/.gitignore", "!keep.log"),
                t("sub/a.txt", I, ".gitignore", "!*.txt", "sub/.gitignore", "*.txt"),
                t("sub/a.txt", K, ".gitignore", "*.txt", "sub/.gitignore", "!*.txt"),
                t("sub/a.txt", I, ".gitignore", "!sub/a.txt", "sub/.gitignore", "*.txt"),
                t("sub/x", I, "sub/.gitignore", "/x"),
                t("sub/y/x", K, "sub/.gitignore", "/x"),
                t("x", K, "sub/.gitignore", "/x"),
                t("sub/y/z", I, "sub/.gitignore", "y/z"),
                t("y/z", K, "sub/.gitignore", "y/z"),
                t("sub/y/z", I, "sub/.gitignore", "**/z"),
                t("sub/a", I, ".gitignore", "sub/", "sub/.gitignore", "!a"),
                t("sub/a", I, ".gitignore", "sub/a"),
                t("sub/a/b", I, ".gitignore", "/sub/a/"),
                t("other/sub/a/b", K, ".gitignore", "/sub/a/"),
                // $GIT_DIR/info/exclude has the lowest precedence
                t("a.tmp", I, ".git/info/exclude", "*.tmp"),
                t("x/a.tmp", I, ".git/info/exclude", "*.tmp"),
                t("keep.tmp", K, ".git/info/exclude", "*.tmp", ".gitignore", "!keep.tmp"),
                t("x.log", I, ".git/info/exclude", "!x.log", ".gitignore", "*.log"),
                t("sub/x.log", K, ".git/info/exclude", "*.log", "sub/.gitignore", "!x.log"),
                t("a/b", I, ".git/info/exclude", "a/b"));
    }

    static Stream<Arguments> table() {
        return cases().stream().map(k -> Arguments.of(k));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void verdictMatchesGit(Case k) {
        assertEquals(k.ignored(), ignoredAsInAWalk(k.files(), k.path()), k.toString());
    }

    /** Checks each parent directory first, as a walk (and git) does, adding .gitignores on the way down. */
    static boolean ignoredAsInAWalk(Map<String, String> files, String path) {
        IgnoreRules rules = IgnoreRules.NONE;
        if (files.containsKey(".git/info/exclude")) {
            rules = rules.with(IgnoreFile.parse("", files.get(".git/info/exclude")));
        }
        if (files.containsKey(".gitignore")) {
            rules = rules.with(IgnoreFile.parse("", files.get(".gitignore")));
        }
        boolean directory = path.endsWith("/");
        String[] parts = (directory ? path.substring(0, path.length() - 1) : path).split("/");
        List<String> prefix = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            prefix.add(parts[i]);
            String relative = String.join("/", prefix);
            boolean last = i == parts.length - 1;
            if (rules.isIgnored(relative, !last || directory)) {
                return true;
            }
            String nested = files.get(relative + "/.gitignore");
            if (!last && nested != null) {
                rules = rules.with(IgnoreFile.parse(relative, nested));
            }
        }
        return false;
    }
}
