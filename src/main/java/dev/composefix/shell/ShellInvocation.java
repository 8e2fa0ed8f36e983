package dev.composefix.shell;

import java.util.List;
import java.util.Set;

/** Recognises {@code sh -c SCRIPT} (any POSIX-like shell, behind prefixes) and {@code eval SCRIPT}. */
final class ShellInvocation {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "pdksh",
            "yash", "posh", "rbash", "busybox");

    private ShellInvocation() {
    }

    /** Index of the argument that holds the script the shell will run, or -1 when this is not such a call. */
    static int scriptIndex(List<String> argv) {
        int i = CommandWrappers.commandIndex(argv);
        if (i < 0) {
            return -1;
        }
        String name = CommandWrappers.basename(argv.get(i));
        if (name.equals("eval")) {
            return argv.size() == i + 2 ? i + 1 : -1;
        }
        if (name.equals("busybox")) {
            i++;
            if (i >= argv.size()) {
                return -1;
            }
            name = argv.get(i);
        }
        if (!SHELLS.contains(name) || name.equals("busybox")) {
            return -1;
        }
        boolean command = false;
        int k = i + 1;
        while (k < argv.size()) {
            String arg = argv.get(k);
            if (arg.equals("--") || arg.equals("-")) {
                k++;
                break;
            }
            if (arg.startsWith("--")) {
                k += arg.equals("--rcfile") || arg.equals("--init-file") ? 2 : 1;
                continue;
            }
            if ((arg.startsWith("-") || arg.startsWith("+")) && arg.length() > 1) {
                k++;
                for (int j = 1; j < arg.length(); j++) {
                    char c = arg.charAt(j);
                    if (c == 'c' && arg.charAt(0) == '-') {
                        command = true;
                    } else if (c == 'o' || c == 'O') {
                        k++; // -o pipefail, -O extglob
                    }
                }
                continue;
            }
            break;
        }
        return command && k < argv.size() ? k : -1;
    }
}
