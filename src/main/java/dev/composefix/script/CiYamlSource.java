package dev.composefix.script;

import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.List;
import java.util.Set;

/**
 * The shell steps of CI files, parsed as YAML: GitHub Actions {@code jobs.*.steps[*].run} (and a composite
 * action's {@code runs.steps[*].run}), skipping steps whose {@code shell} (or the job's or workflow's
 * {@code defaults.run.shell}) is not bash or sh; GitLab CI {@code script}, {@code before_script} and
 * {@code after_script} of every job, {@code default} and the top level, as one string or a list of them
 * (nested lists included). An alias is read where its anchor is, and each command once however many jobs
 * share it.
 */
final class CiYamlSource {
    private static final Set<String> GITLAB_KEYS = Set.of("script", "before_script", "after_script");

    private CiYamlSource() {
    }

    static void github(YamlDocument doc, List<ShellSnippet> out) {
        if (!(doc.root() instanceof YMapping root)) {
            return;
        }
        String workflowShell = defaultShell(root);
        if (root.value("jobs") instanceof YMapping jobs) {
            for (YEntry job : jobs.entries()) {
                if (job.value() instanceof YMapping j) {
                    String jobShell = defaultShell(j);
                    steps(doc, j.value("steps"), jobShell != null ? jobShell : workflowShell, out);
                }
            }
        }
        if (root.value("runs") instanceof YMapping runs) {
            steps(doc, runs.value("steps"), workflowShell, out);
        }
    }

    private static void steps(YamlDocument doc, YNode steps, String inherited, List<ShellSnippet> out) {
        if (!(steps instanceof YSequence seq)) {
            return;
        }
        for (YNode step : seq.items()) {
            if (!(step instanceof YMapping m) || !(m.value("run") instanceof YScalar run)) {
                continue;
            }
            String shell = m.value("shell") instanceof YScalar s ? s.value() : inherited;
            if (shell == null || isPosixShell(shell)) {
                out.add(YamlScalarText.of(doc.text(), run));
            }
        }
    }

    private static String defaultShell(YMapping m) {
        if (m.value("defaults") instanceof YMapping d && d.value("run") instanceof YMapping r
                && r.value("shell") instanceof YScalar s) {
            return s.value();
        }
        return null;
    }

    /** bash, sh, or a custom {@code bash --noprofile {0}} style command line starting with one of them. */
    static boolean isPosixShell(String shell) {
        String first = shell.strip().split("[ \t]+", 2)[0];
        int slash = first.lastIndexOf('/');
        String name = slash >= 0 ? first.substring(slash + 1) : first;
        return name.equals("bash") || name.equals("sh");
    }

    static void gitlab(YamlDocument doc, List<ShellSnippet> out) {
        if (!(doc.root() instanceof YMapping root)) {
            return;
        }
        Set<Integer> seen = new java.util.HashSet<>();
        for (YEntry e : root.entries()) {
            if (GITLAB_KEYS.contains(e.keyText())) {
                commands(doc, e.value(), out, seen, 0);
            } else if (e.value() instanceof YMapping job) {
                for (YEntry k : job.entries()) {
                    if (GITLAB_KEYS.contains(k.keyText())) {
                        commands(doc, k.value(), out, seen, 0);
                    }
                }
            }
        }
    }

    /** The commands of a script value; an alias is followed to its anchor, each scalar read once. */
    private static void commands(YamlDocument doc, YNode node, List<ShellSnippet> out, Set<Integer> seen,
            int depth) {
        YNode n = node instanceof YAlias a ? a.target() : node;
        if (n instanceof YScalar s && !s.isNull()) {
            if (seen.add(s.span().start().offset())) {
                out.add(YamlScalarText.of(doc.text(), s));
            }
        } else if (n instanceof YSequence seq && depth < 10) {
            for (YNode item : seq.items()) {
                commands(doc, item, out, seen, depth + 1);
            }
        }
    }
}
