package dev.composefix.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the process calls of Python and JavaScript/TypeScript code whose command is written out literally:
 * an argument list of string literals ({@code subprocess.run(["docker", "rm", "-f", name])},
 * {@code spawn("docker", ["kill", id])}) or one command string run by a shell
 * ({@code subprocess.run("docker rm -f x", shell=True)}, {@code os.system(...)}, {@code execSync(...)}, a zx or
 * Bun {@code $`...`} template). A command string built with {@code +} counts when it starts with a literal (the
 * other parts stand as shell expansions); Python's literals written side by side are one literal. A command
 * held in a variable is out of reach.
 */
final class CallScanner {
    private static final Set<String> PY_SUBPROCESS = Set.of("run", "call", "check_call", "check_output", "Popen");
    private static final Set<String> PY_SHELL = Set.of("getoutput", "getstatusoutput");
    private static final Set<String> JS_SHELL = Set.of("exec", "execSync", "execaCommand", "execaCommandSync");
    private static final Set<String> JS_ARGV = Set.of("spawn", "spawnSync", "execFile", "execFileSync", "execa",
            "execaSync");

    private final List<CodeToken> tokens;
    private final CodeLexer.Language language;
    private final List<ShellSnippet> shells;
    private final List<ArgvSnippet> argvs;
    private final boolean subprocessImported;

    private CallScanner(List<CodeToken> tokens, CodeLexer.Language language, List<ShellSnippet> shells,
            List<ArgvSnippet> argvs) {
        this.tokens = tokens;
        this.language = language;
        this.shells = shells;
        this.argvs = argvs;
        this.subprocessImported = language == CodeLexer.Language.PYTHON && importsFromSubprocess(tokens);
    }

    /** Adds the calls' commands to {@code shells} and {@code argvs}; returns the comments the lexer read. */
    static List<int[]> scan(String text, CodeLexer.Language language, List<ShellSnippet> shells,
            List<ArgvSnippet> argvs) {
        CodeLexer lexer = CodeLexer.lex(text, language);
        new CallScanner(lexer.tokens(), language, shells, argvs).run();
        return lexer.comments();
    }

    private static boolean importsFromSubprocess(List<CodeToken> t) {
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.get(i).isName("from") && t.get(i + 1).isName("subprocess") && t.get(i + 2).isName("import")) {
                return true;
            }
        }
        return false;
    }

    private void run() {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            CodeToken t = tokens.get(i);
            if (t.type() != CodeToken.Type.NAME) {
                continue;
            }
            CodeToken next = tokens.get(i + 1);
            if (language == CodeLexer.Language.JAVASCRIPT && t.text().equals("$") && next.type() == CodeToken.Type.STRING
                    && "`".equals(next.text()) && next.start() == t.end()) {
                shells.add(next.value()); // zx / Bun shell template
                continue;
            }
            if (!next.is("(")) {
                continue;
            }
            String qualifier = i >= 2 && tokens.get(i - 1).is(".") && tokens.get(i - 2).type() == CodeToken.Type.NAME
                    ? tokens.get(i - 2).text() : null;
            if (i >= 1 && tokens.get(i - 1).isName("def") || i >= 1 && tokens.get(i - 1).isName("function")) {
                continue; // a definition, not a call
            }
            List<List<CodeToken>> args = arguments(i + 1);
            if (args.isEmpty()) {
                continue;
            }
            if (language == CodeLexer.Language.PYTHON) {
                python(t.text(), qualifier, args);
            } else {
                javascript(t.text(), args);
            }
        }
    }

    private void python(String name, String qualifier, List<List<CodeToken>> args) {
        boolean viaSubprocess = "subprocess".equals(qualifier) || (qualifier == null && subprocessImported);
        if (viaSubprocess && PY_SUBPROCESS.contains(name)) {
            List<CodeToken> first = args.get(0);
            if (first.size() >= 2 && (first.get(0).is("[") || first.get(0).is("("))) {
                list(first).ifPresent(argvs::add);
            } else if (hasKeyword(args, "shell", "True")) {
                command(first).ifPresent(shells::add);
            } else {
                splitLiteral(first).ifPresent(shells::add);
            }
        } else if ((viaSubprocess && PY_SHELL.contains(name)) || ("os".equals(qualifier)
                && (name.equals("system") || name.equals("popen")))
                || name.equals("create_subprocess_shell")) {
            command(args.get(0)).ifPresent(shells::add);
        } else if (name.equals("create_subprocess_exec")) {
            List<ShellSnippet> elements = new ArrayList<>();
            for (List<CodeToken> a : args) {
                if (a.size() >= 2 && a.get(1).is("=")) {
                    break; // keyword arguments follow the command
                }
                elements.add(element(a));
            }
            if (!elements.isEmpty() && literal(args.get(0)).isPresent()) {
                argvs.add(new ArgvSnippet(elements));
            }
        }
    }

    private void javascript(String name, List<List<CodeToken>> args) {
        if (JS_SHELL.contains(name)) {
            command(args.get(0)).ifPresent(shells::add);
        } else if (JS_ARGV.contains(name) && args.size() >= 2) {
            var program = literal(args.get(0));
            List<CodeToken> second = args.get(1);
            if (program.isPresent() && second.size() >= 2 && second.get(0).is("[")) {
                list(second).ifPresent(rest -> {
                    List<ShellSnippet> all = new ArrayList<>();
                    all.add(program.get());
                    all.addAll(rest.elements());
                    argvs.add(new ArgvSnippet(all));
                });
            }
        }
    }

    /**
     * {@code "docker rm -f x".split()} or {@code shlex.split("docker rm -f x")}: a literal split into words, read
     * as the shell would split it (quotes and all, as shlex does).
     */
    private java.util.Optional<ShellSnippet> splitLiteral(List<CodeToken> arg) {
        if (arg.size() == 5 && arg.get(0).type() == CodeToken.Type.STRING && arg.get(1).is(".")
                && arg.get(2).isName("split") && arg.get(3).is("(") && arg.get(4).is(")")) {
            return java.util.Optional.of(arg.get(0).value());
        }
        if (arg.size() == 6 && arg.get(0).isName("shlex") && arg.get(1).is(".") && arg.get(2).isName("split")
                && arg.get(3).is("(") && arg.get(4).type() == CodeToken.Type.STRING && arg.get(5).is(")")) {
            return java.util.Optional.of(arg.get(4).value());
        }
        return java.util.Optional.empty();
    }

    /** Whether a top-level argument reads {@code key=value}. */
    private static boolean hasKeyword(List<List<CodeToken>> args, String key, String value) {
        for (List<CodeToken> a : args) {
            if (a.size() == 3 && a.get(0).isName(key) && a.get(1).is("=") && a.get(2).isName(value)) {
                return true;
            }
        }
        return false;
    }

    /** The elements of a list or tuple literal {@code [a, b]} whose first element is a literal. */
    private java.util.Optional<ArgvSnippet> list(List<CodeToken> arg) {
        CodeToken open = arg.get(0);
        String close = open.is("[") ? "]" : ")";
        if (!arg.get(arg.size() - 1).is(close)) {
            return java.util.Optional.empty();
        }
        List<List<CodeToken>> items = split(arg.subList(1, arg.size() - 1));
        List<ShellSnippet> elements = new ArrayList<>();
        for (List<CodeToken> item : items) {
            if (item.isEmpty()) {
                continue; // a trailing comma
            }
            elements.add(element(item));
        }
        if (elements.isEmpty() || literal(items.get(0)).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ArgvSnippet(elements));
    }

    /** A literal element, or {@code $ARG} standing for an expression, mapped to the expression. */
    private ShellSnippet element(List<CodeToken> item) {
        var lit = literal(item);
        if (lit.isPresent()) {
            return lit.get();
        }
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        int from = item.isEmpty() ? 0 : item.get(0).start();
        int to = item.isEmpty() ? 0 : item.get(item.size() - 1).end();
        b.addAll("$ARG", from, to);
        return b.build(false);
    }

    /** A string literal, or literals joined by {@code +} (or side by side in Python). */
    private java.util.Optional<ShellSnippet> literal(List<CodeToken> item) {
        if (item.isEmpty()) {
            return java.util.Optional.empty();
        }
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        boolean expectString = true;
        for (CodeToken t : item) {
            if (t.type() == CodeToken.Type.STRING) {
                if (!expectString && language != CodeLexer.Language.PYTHON) {
                    return java.util.Optional.empty();
                }
                ShellSnippet v = t.value();
                for (int k = 0; k < v.text().length(); k++) {
                    b.add(v.text().charAt(k), v.starts()[k], v.ends()[k]);
                }
                expectString = false;
            } else if (t.is("+") && !expectString) {
                expectString = true;
            } else {
                return java.util.Optional.empty();
            }
        }
        return expectString ? java.util.Optional.empty() : java.util.Optional.of(b.build(false));
    }

    /**
     * A command string: literals joined by {@code +}, where a part that is not a literal (a variable, a call)
     * stands as the shell expansion {@code $ARG}, mapped to that part; at least one part must be a literal,
     * and the first must be one (the command name is never a guess).
     */
    private java.util.Optional<ShellSnippet> command(List<CodeToken> item) {
        List<List<CodeToken>> parts = new ArrayList<>();
        List<CodeToken> current = new ArrayList<>();
        int depth = 0;
        for (CodeToken t : item) {
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            if (depth == 0 && t.is("+")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        if (parts.stream().anyMatch(List::isEmpty) || literal(parts.get(0)).isEmpty()) {
            return java.util.Optional.empty();
        }
        ShellSnippet.Builder b = new ShellSnippet.Builder();
        for (List<CodeToken> part : parts) {
            ShellSnippet v = literal(part).orElseGet(() -> element(part));
            for (int k = 0; k < v.text().length(); k++) {
                b.add(v.text().charAt(k), v.starts()[k], v.ends()[k]);
            }
        }
        return java.util.Optional.of(b.build(false));
    }

    /** The top-level arguments of the call whose {@code (} is token {@code open}. */
    private List<List<CodeToken>> arguments(int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            CodeToken t = tokens.get(k);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
                if (depth == 0) {
                    return split(tokens.subList(open + 1, k));
                }
            }
        }
        return List.of();
    }

    /** Splits tokens at top-level commas. */
    private static List<List<CodeToken>> split(List<CodeToken> inner) {
        List<List<CodeToken>> parts = new ArrayList<>();
        List<CodeToken> current = new ArrayList<>();
        int depth = 0;
        for (CodeToken t : inner) {
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            if (depth == 0 && t.is(",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty() || !parts.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }
}
