package dev.composefix.shell;

import java.util.List;
import java.util.Set;

/**
 * One {@code while}, {@code until}, {@code for} or {@code select} loop: where its keyword starts, where its body
 * starts (the {@code do}) and where it ends (just after {@code done}, or the end of the text when it is never
 * closed), the variable it iterates with ({@code for NAME}, {@code while read NAME}; null otherwise) and whether
 * it is bounded (a {@code for} over a list, a {@code for ((;;))} with a condition, a {@code while read}, a
 * condition that compares numbers, such as {@code [ "$i" -lt 5 ]} or {@code (( n < 5 ))}, or a body that compares
 * numbers and leaves the loop with {@code break}, {@code exit} or {@code return}).
 */
public record ShellLoop(String keyword, int start, int bodyStart, int end, String variable, boolean bounded) {

    private static final Set<String> NUMERIC_TESTS = Set.of("-lt", "-le", "-gt", "-ge");

    /** Whether {@code command} is in this loop's body (after {@code do}). */
    public boolean encloses(SimpleCommand command) {
        return command.start() >= bodyStart && command.start() < end;
    }

    /** Collects a loop while the parser reads it. */
    static final class Builder {
        private final String keyword;
        private final int start;
        private final int firstCommand;
        private int bodyStart = -1;
        private String variable;
        private boolean bounded;

        Builder(String keyword, int start, int firstCommand) {
            this.keyword = keyword;
            this.start = start;
            this.firstCommand = firstCommand;
            this.bounded = keyword.equals("for") || keyword.equals("select");
        }

        void variable(String name) {
            variable = name;
        }

        /** {@code for (( init; cond; step ))}: bounded unless the condition is empty. */
        void arithmeticHeader(String header) {
            String inner = header.startsWith("((") && header.endsWith("))")
                    ? header.substring(2, header.length() - 2) : header;
            String[] parts = inner.split(";", -1);
            bounded = parts.length >= 2 && !parts[1].isBlank();
        }

        /** At {@code do}: the commands read since the keyword are the condition. */
        void body(int doStart, String src, List<SimpleCommand> out) {
            if (bodyStart >= 0) {
                return; // a stray second 'do'
            }
            bodyStart = doStart;
            if (keyword.equals("for") || keyword.equals("select")) {
                return;
            }
            String header = src.substring(Math.min(start, doStart), doStart);
            if (header.contains("((") && (header.contains("<") || header.contains(">"))) {
                bounded = true;
            }
            for (int i = firstCommand; i < out.size(); i++) {
                SimpleCommand c = out.get(i);
                if (c.start() >= doStart) {
                    continue;
                }
                List<String> argv = c.argv();
                int at = CommandWrappers.commandIndex(argv);
                if (at < 0) {
                    continue;
                }
                if (argv.get(at).equals("read")) {
                    bounded = true; // reads its input until it ends
                    for (int k = argv.size() - 1; k > at; k--) {
                        if (!argv.get(k).startsWith("-")) {
                            variable = argv.get(k);
                            break;
                        }
                    }
                }
                for (String arg : argv) {
                    if (NUMERIC_TESTS.contains(arg)) {
                        bounded = true;
                    }
                }
            }
        }

        /**
         * At {@code done}: a body that compares numbers ({@code [ "$n" -ge 5 ]}, {@code (( n >= 5 ))}) and leaves
         * the loop ({@code break}, {@code exit}, {@code return}) bounds it too.
         */
        ShellLoop close(int end, String src, List<SimpleCommand> out) {
            int body = bodyStart >= 0 ? bodyStart : end;
            if (!bounded && bodyStart >= 0) {
                boolean compares = false;
                boolean leaves = false;
                String text = src.substring(body, Math.max(body, Math.min(end, src.length())));
                compares = text.contains("((") && (text.contains("<") || text.contains(">"));
                for (int i = firstCommand; i < out.size(); i++) {
                    SimpleCommand c = out.get(i);
                    if (c.start() < body || c.start() >= end) {
                        continue;
                    }
                    List<String> argv = c.argv();
                    int at = CommandWrappers.commandIndex(argv);
                    if (at < 0) {
                        continue;
                    }
                    String name = argv.get(at);
                    leaves |= name.equals("break") || name.equals("exit") || name.equals("return");
                    for (String arg : argv) {
                        compares |= NUMERIC_TESTS.contains(arg);
                    }
                }
                bounded = compares && leaves;
            }
            return new ShellLoop(keyword, start, body, end, variable, bounded);
        }
    }
}
