package dev.composefix.shell;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the command that prefix commands such as {@code sudo -u x}, {@code env A=1}, {@code xargs -r},
 * {@code timeout 30} or {@code nice -n 5} end up running.
 */
final class CommandWrappers {
    /**
     * Whether {@code arg} is a variable assignment, {@code NAME=value}: what {@code [A-Za-z_][A-Za-z0-9_]*=.*}
     * (dot matching all) matches, read by hand rather than compiled at every start
     * ({@code CommandWrappersTest} holds the two to the same answers).
     */
    static boolean assignment(String arg) {
        int eq = arg.indexOf('=');
        return eq > 0 && dev.composefix.model.Interpolator.isName(arg, 0, eq);
    }

    /** How one prefix command takes its own options before the command it runs. */
    private record Spec(String valueShorts, Set<String> valueLongs, String stopShorts, Set<String> stopLongs,
            boolean assignments, int operands) {
    }

    private static final Spec NONE = new Spec("", Set.of(), "", Set.of(), false, 0);

    private static final Map<String, Spec> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", new Spec("ugCDprtUT",
                    Set.of("--user", "--group", "--close-from", "--chdir", "--role", "--type", "--other-user",
                            "--prompt", "--host", "--command-timeout", "--chroot"),
                    "lvVKeh", Set.of("--list", "--validate", "--version", "--remove-timestamp", "--edit", "--help"),
                    true, 0)),
            Map.entry("doas", new Spec("uC", Set.of(), "", Set.of(), false, 0)),
            Map.entry("exec", new Spec("a", Set.of(), "", Set.of(), false, 0)),
            Map.entry("command", new Spec("", Set.of(), "vV", Set.of(), false, 0)),
            Map.entry("builtin", NONE),
            Map.entry("nohup", NONE),
            Map.entry("setsid", NONE),
            Map.entry("time", new Spec("fo", Set.of("--format", "--output"), "", Set.of(), false, 0)),
            Map.entry("env", new Spec("uCS", Set.of("--unset", "--chdir", "--split-string"), "", Set.of(), true, 0)),
            Map.entry("timeout", new Spec("sk", Set.of("--signal", "--kill-after"), "", Set.of(), false, 1)),
            Map.entry("nice", new Spec("n", Set.of("--adjustment"), "", Set.of(), false, 0)),
            Map.entry("ionice", new Spec("cnp", Set.of("--class", "--classdata", "--pid"), "", Set.of(), false, 0)),
            Map.entry("stdbuf", new Spec("ioe", Set.of("--input", "--output", "--error"), "", Set.of(), false, 0)),
            Map.entry("watch", new Spec("nq", Set.of("--interval", "--equexit"), "", Set.of(), false, 0)),
            Map.entry("xargs", new Spec("nILPsdEa",
                    Set.of("--max-args", "--max-procs", "--max-chars", "--delimiter", "--arg-file",
                            "--process-slot-var"),
                    "", Set.of(), false, 0)));

    private CommandWrappers() {
    }

    /** Index in {@code argv} of the command really run, or -1 when there is none (e.g. {@code command -v x}). */
    static int commandIndex(List<String> argv) {
        int i = 0;
        while (i < argv.size()) {
            String name = basename(argv.get(i));
            Spec spec = WRAPPERS.get(name);
            if (spec == null) {
                return i;
            }
            i = skipOwnArguments(argv, i + 1, spec, name.equals("env"));
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The last path segment of a command word: {@code /usr/bin/docker} gives {@code docker}. */
    static String basename(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 ? word.substring(slash + 1) : word;
    }

    private static int skipOwnArguments(List<String> argv, int from, Spec spec, boolean dashIsOption) {
        int i = from;
        while (i < argv.size()) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (dashIsOption && arg.equals("-")) {
                i++;
                continue;
            }
            if (spec.assignments() && assignment(arg)) {
                i++;
                continue;
            }
            if (arg.startsWith("--") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                if (spec.stopLongs().contains(name)) {
                    return -1;
                }
                i += eq < 0 && spec.valueLongs().contains(name) ? 2 : 1;
                continue;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                i++;
                for (int k = 1; k < arg.length(); k++) {
                    char c = arg.charAt(k);
                    if (spec.stopShorts().indexOf(c) >= 0) {
                        return -1;
                    }
                    if (spec.valueShorts().indexOf(c) >= 0) {
                        if (k == arg.length() - 1) {
                            i++; // the value is the next argument
                        }
                        break;
                    }
                }
                continue;
            }
            break;
        }
        return i + spec.operands();
    }
}
