package dev.composefix.rules;

import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.TextEdit;
import dev.composefix.script.ScriptFile;
import dev.composefix.script.ShellSnippet;
import dev.composefix.shell.DockerCommand;
import dev.composefix.shell.DockerFinding;
import dev.composefix.shell.DockerHazard;
import dev.composefix.shell.ForcedRemoval;
import dev.composefix.shell.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * CF105: a command force-removes or kills containers, in a service's command, entrypoint, health-check test
 * or lifecycle hook, or in a script file. Commands are read by the shell tokenizer (so quoted text and comments
 * are not commands), including scripts inside {@code sh -c}; the finding points at the offending flag. In shell
 * scripts and Makefiles the graceful sequence is offered as an unsafe fix: {@code docker rm -f X} becomes
 * {@code docker stop -t 10 X >/dev/null && docker rm X}, {@code docker kill X} becomes {@code docker stop -t 10 X}.
 */
public final class ForceRemove extends DockerHazardRule {

    /** The grace period the fix gives (docker's own default for {@code stop}). */
    static final int GRACE_SECONDS = 10;

    private static final ForcedRemoval HAZARD = new ForcedRemoval();

    @Override
    protected DockerHazard hazard() {
        return HAZARD;
    }

    @Override
    protected String message(DockerFinding f) {
        boolean image = f.pattern().contains("rmi") || f.pattern().contains("image r");
        String why = image
                ? " removes images that containers may still use, with no check and no prompt"
                : " stops containers with SIGKILL: no SIGTERM, no time to flush data or close connections";
        return "'" + f.pattern() + "'" + why + "; instead: " + f.alternative();
    }

    @Override
    protected Fix scriptFix(ScriptFile file, ShellSnippet snippet, DockerFinding f) {
        if (f.pattern().contains("rmi") || f.pattern().contains("image r")) {
            return null; // without -f the removal fails while containers use the image: not the same command
        }
        DockerCommand c = f.command();
        String text = file.text();
        List<Word> path = c.subcommandWords();
        Word verb = path.get(path.size() - 1);
        int verbFrom = snippet.start(verb.start());
        int verbTo = snippet.end(verb.end());
        String stop = "stop -t " + GRACE_SECONDS;
        if (verb.text().equals("kill")) {
            if (!f.word().equals(verb) || !text.substring(verbFrom, verbTo).equals("kill")) {
                return null; // an explicit -s KILL, or a verb not written plainly
            }
            return new Fix("stop with a " + GRACE_SECONDS + "s grace period instead of killing", FixSafety.UNSAFE,
                    List.of(new TextEdit(verbFrom, verbTo, stop)), List.of());
        }
        List<Word> operands = c.options().operands();
        if (operands.isEmpty()) {
            return null; // e.g. behind xargs: there is nothing to name in the stop
        }
        int cmdFrom = snippet.start(c.command().start());
        int cmdTo = snippet.end(c.command().end());
        int pathFrom = snippet.start(path.get(0).start());
        Word flag = f.word();
        int flagFrom = snippet.start(flag.start());
        int flagTo = snippet.end(flag.end());
        String flagRaw = text.substring(flagFrom, flagTo);
        String flagReplacement;
        if (flagRaw.equals("-f") || flagRaw.equals("--force") || flagRaw.equalsIgnoreCase("--force=true")) {
            flagReplacement = null; // the word goes, with the blank after it
        } else if (flagRaw.matches("-[A-Za-z]+") && flagRaw.indexOf('f') > 0) {
            flagReplacement = "-" + flagRaw.substring(1).replace("f", "");
        } else {
            return null;
        }
        if (cmdFrom > pathFrom || flagFrom < cmdFrom || flagTo > cmdTo) {
            return null;
        }
        StringBuilder rm = new StringBuilder(text.substring(cmdFrom, flagFrom));
        if (flagReplacement == null) {
            int after = flagTo;
            while (after < cmdTo && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            if (after == cmdTo) {
                rm.setLength(rm.toString().stripTrailing().length()); // the flag was the last word
            }
            rm.append(text, after, cmdTo);
        } else {
            rm.append(flagReplacement).append(text, flagTo, cmdTo);
        }
        List<String> names = new ArrayList<>();
        for (Word w : operands) {
            names.add(text.substring(snippet.start(w.start()), snippet.end(w.end())));
        }
        // The stop's output (the names again) goes away, so that the pair prints what the removal printed.
        String graceful = text.substring(cmdFrom, pathFrom) + prefixFor(path, verb, text, snippet) + stop + " "
                + String.join(" ", names) + " >/dev/null && " + rm;
        if (needsGroup(text, cmdFrom, cmdTo)) {
            graceful = "{ " + graceful + "; }";
        }
        return new Fix("stop with a " + GRACE_SECONDS + "s grace period, then remove", FixSafety.UNSAFE,
                List.of(new TextEdit(cmdFrom, cmdTo, graceful)), List.of());
    }

    /** For {@code docker container rm}, the management word ({@code container }) the stop needs too. */
    private static String prefixFor(List<Word> path, Word verb, String text, ShellSnippet snippet) {
        if (path.size() < 2) {
            return "";
        }
        return text.substring(snippet.start(path.get(0).start()), snippet.start(verb.start()));
    }

    /**
     * Whether {@code a && b} in place of the command would change how it combines with what is around it:
     * after {@code ||}, {@code |} or {@code !}, or before a pipe.
     */
    private static boolean needsGroup(String text, int from, int to) {
        int before = from - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before >= 0 && (text.charAt(before) == '|' || text.charAt(before) == '!')) {
            return true;
        }
        int after = to;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        return after < text.length() && text.charAt(after) == '|'
                && !(after + 1 < text.length() && text.charAt(after + 1) == '|');
    }
}
