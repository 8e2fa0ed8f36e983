package dev.composefix.rules;

import dev.composefix.engine.Finding;
import dev.composefix.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture layout shared by every rule: {@code fixtures/<rule-name>/<case>/} holds one script file (see
 * {@link Case#script()}; its unsafe rewrite, when it has one, in {@code expected.unsafe-rewritten.NAME}) or one
 * compose file
 * (any name ending in .yml or .yaml; when there are several, the one with a compose file name, the
 * others being files it extends or includes), optionally a {@code .env} and a {@code .composefix.yml}, and
 * {@code expected.txt}: the expected findings, one per line, as
 * {@code line:column-endLine:endColumn CODE severity service message} ({@code -} for no service).
 * Lines starting with {@code #} are comments, except {@code # rules: A, B}, which names the rules to
 * run (default: the directory's rule). An empty list of findings is a negative case. When the case's
 * rules fix something, {@code expected.rewritten.yaml} holds the exact bytes {@code rewrite} must
 * produce, and {@code expected.after-rewrite.txt} the findings of the case's rules that the rewritten
 * file still has (none when the file is absent).
 */
public final class RuleFixtures {

    public static final String EXPECTED = "expected.txt";
    public static final String REWRITTEN = "expected.rewritten.yaml";
    public static final String AFTER_REWRITE = "expected.after-rewrite.txt";

    private RuleFixtures() {
    }

    /** One case directory. */
    public record Case(String rule, Path dir) {

        /**
         * The script file of a script case: a file whose name makes it a script (see
         * {@link dev.composefix.script.ScriptKinds}: {@code cleanup.sh}, {@code Makefile}, {@code .gitlab-ci.yml},
         * {@code package.json}, {@code helper.py}, {@code run.ts}, ...) or {@code .github/workflows/*.yml}; empty
         * for a compose case.
         */
        public java.util.Optional<Path> script() {
            List<Path> found = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> !p.getFileName().toString().startsWith("expected.") && Files.isRegularFile(p)
                        && dev.composefix.script.ScriptKinds.of(p, null).isPresent()).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path workflows = dir.resolve(".github").resolve("workflows");
            if (Files.isDirectory(workflows)) {
                try (Stream<Path> s = Files.list(workflows)) {
                    s.filter(p -> dev.composefix.script.ScriptKinds.of(p, null).isPresent()).forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (found.size() > 1) {
                throw new IllegalStateException(dir + ": expected at most one script file, found " + found);
            }
            return found.stream().findFirst();
        }

        /** The script case's input as a lint run takes it, named by its path below the case directory. */
        public dev.composefix.cli.ScriptInput scriptInput() {
            Path p = script().orElseThrow();
            try {
                return new dev.composefix.cli.ScriptInput(new dev.composefix.cli.Input(
                        dir.relativize(p).toString(), p, Files.readAllBytes(p)),
                        dev.composefix.script.ScriptKinds.of(p, null).orElseThrow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The expected output of an unsafe rewrite of a script case: {@code expected.unsafe-rewritten.NAME}. */
        public Path unsafeRewrittenScript() {
            return dir.resolve("expected.unsafe-rewritten." + script().orElseThrow().getFileName());
        }

        public Path input() {
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> inputs = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return (n.endsWith(".yml") || n.endsWith(".yaml")) && !n.startsWith(".composefix")
                            && !n.startsWith("expected.");
                }).toList();
                if (inputs.size() > 1) {
                    // Other YAML files are what the compose file refers to (extends, include).
                    inputs = inputs.stream().filter(p -> dev.composefix.discovery.ComposeFiles.isComposeFile(p)).toList();
                }
                if (inputs.size() != 1) {
                    throw new IllegalStateException(dir + ": expected exactly one compose file, found " + inputs);
                }
                return inputs.get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Path expected() {
            return dir.resolve(EXPECTED);
        }

        /** The expected output of {@code rewrite} (the fixes of the case's rules), when the case has one. */
        public Path rewritten() {
            return dir.resolve(REWRITTEN);
        }

        /** The rules named by a {@code # rules:} line, or the directory's rule. */
        public List<String> rules() {
            try {
                for (String line : Files.readAllLines(expected(), StandardCharsets.UTF_8)) {
                    if (line.startsWith("# rules:")) {
                        List<String> out = new ArrayList<>();
                        for (String r : line.substring("# rules:".length()).split(",")) {
                            if (!r.isBlank()) {
                                out.add(r.strip());
                            }
                        }
                        return out;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of(rule);
        }

        /** The expected finding lines (comments dropped). */
        public List<String> expectedLines() {
            try {
                return Files.readAllLines(expected(), StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return rule + "/" + dir.getFileName();
        }
    }

    /** Every case of every rule, sorted. */
    public static List<Case> all() {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> rules = Files.list(Repo.fixtures())) {
            for (Path ruleDir : rules.filter(Files::isDirectory).sorted().toList()) {
                String rule = ruleDir.getFileName().toString();
                if (rule.equals("examples") || rule.equals("reports")) { // not rule fixtures
                    continue;
                }
                try (Stream<Path> cases = Files.list(ruleDir)) {
                    for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                        out.add(new Case(rule, c));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A finding in the fixture line format. */
    public static String line(Finding f) {
        return f.start().line() + ":" + f.start().column() + "-" + f.end().line() + ":" + f.end().column() + " "
                + f.code() + " " + f.severity().id() + " " + (f.service() == null ? "-" : f.service()) + " "
                + f.message();
    }
}
