package dev.composefix.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A command's arguments split into options (combined short flags expanded) and operands. */
public final class CommandOptions {
    private static final Set<String> FALSE = Set.of("false", "0", "f");

    private final List<OptionUse> uses;
    private final List<Word> operands;

    private CommandOptions(List<OptionUse> uses, List<Word> operands) {
        this.uses = List.copyOf(uses);
        this.operands = List.copyOf(operands);
    }

    /**
     * Splits {@code args} the way Go/cobra CLIs do.
     *
     * @param valueOptions names (e.g. {@code -s}, {@code --signal}) of the options that take a value
     * @param interspersed whether options may follow operands; when false the first operand ends the options
     */
    public static CommandOptions parse(List<Word> args, Set<String> valueOptions, boolean interspersed) {
        List<OptionUse> uses = new ArrayList<>();
        List<Word> operands = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            Word word = args.get(i);
            String text = word.text();
            if (optionsDone || !text.startsWith("-") || text.equals("-")) {
                operands.add(word);
                optionsDone |= !interspersed;
                continue;
            }
            if (text.equals("--")) {
                optionsDone = true;
                continue;
            }
            if (text.startsWith("--")) {
                int eq = text.indexOf('=');
                if (eq >= 0) {
                    uses.add(new OptionUse(text.substring(0, eq), word, Optional.of(text.substring(eq + 1))));
                } else if (valueOptions.contains(text) && i + 1 < args.size()) {
                    uses.add(new OptionUse(text, word, Optional.of(args.get(++i).text())));
                } else {
                    uses.add(new OptionUse(text, word, Optional.empty()));
                }
                continue;
            }
            for (int k = 1; k < text.length(); k++) {
                String name = "-" + text.charAt(k);
                if (!valueOptions.contains(name)) {
                    uses.add(new OptionUse(name, word, Optional.empty()));
                    continue;
                }
                String attached = text.substring(k + 1);
                if (attached.startsWith("=")) {
                    attached = attached.substring(1);
                }
                if (!attached.isEmpty() || k + 1 < text.length()) {
                    uses.add(new OptionUse(name, word, Optional.of(attached)));
                } else if (i + 1 < args.size()) {
                    uses.add(new OptionUse(name, word, Optional.of(args.get(++i).text())));
                } else {
                    uses.add(new OptionUse(name, word, Optional.empty()));
                }
                break;
            }
        }
        return new CommandOptions(uses, operands);
    }

    /** Every option occurrence, in order. */
    public List<OptionUse> all() {
        return uses;
    }

    /** The arguments that are not options nor option values. */
    public List<Word> operands() {
        return operands;
    }

    /** The last occurrence of any of {@code names} (e.g. {@code "-f", "--force"}). */
    public Optional<OptionUse> last(String... names) {
        for (int i = uses.size() - 1; i >= 0; i--) {
            OptionUse use = uses.get(i);
            for (String name : names) {
                if (use.name().equals(name)) {
                    return Optional.of(use);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The occurrence that turns boolean flag {@code names} on: the last one, unless it says {@code =false}
     * (or {@code =0}, {@code =f}).
     */
    public Optional<OptionUse> enabled(String... names) {
        // Plain tests rather than Optional's lambdas, which a start would have to link.
        Optional<OptionUse> use = last(names);
        if (use.isPresent() && use.get().value().isPresent()
                && FALSE.contains(use.get().value().get().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return use;
    }

    /** True when boolean flag {@code names} is on; see {@link #enabled(String...)}. */
    public boolean isSet(String... names) {
        return enabled(names).isPresent();
    }

    /** The value of the last occurrence of {@code names}, if it has one. */
    public Optional<String> value(String... names) {
        Optional<OptionUse> use = last(names);
        return use.isPresent() ? use.get().value() : Optional.empty();
    }
}
