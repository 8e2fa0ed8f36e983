package dev.composefix.shell;

import java.util.List;

/**
 * A command found in an already-split argv (a compose list form), with the argv element it came from.
 *
 * <p>When {@code scripted} is true the command was parsed out of the {@code sh -c} script held by
 * {@code argv[element]}, and all its offsets are char offsets inside that element. Otherwise the command is
 * the argv itself: {@code element} is 0, word {@code k} is {@code argv[k]} with offsets {@code 0..length}
 * inside that element, and the command's {@code start()}/{@code end()} are 0 and the length of the last
 * element; use {@link #elementOf(Word)} to find a word's element.
 */
public record ArgvCommand(SimpleCommand command, int element, boolean scripted) {

    /** Index of the argv element that holds {@code word}, or -1 when it is not one of this command's words. */
    public int elementOf(Word word) {
        List<Word> words = command.words();
        int index = -1;
        for (int i = 0; i < words.size() && index < 0; i++) {
            if (words.get(i) == word) {
                index = i;
            }
        }
        for (int i = 0; i < words.size() && index < 0; i++) {
            if (words.get(i).equals(word)) {
                index = i;
            }
        }
        if (index < 0) {
            return -1;
        }
        return scripted ? element : index;
    }
}
