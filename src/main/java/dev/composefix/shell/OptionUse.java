package dev.composefix.shell;

import java.util.Optional;

/**
 * One option occurrence: its name as spelled ({@code -f}, {@code --force}), the word that holds it (for
 * {@code -fv} both {@code -f} and {@code -v} point at that word) and its value if it has one.
 */
public record OptionUse(String name, Word word, Optional<String> value) {
}
