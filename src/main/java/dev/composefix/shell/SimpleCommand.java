package dev.composefix.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * One simple command: its words (assignments and redirections removed), its char offsets in the source
 * (end exclusive, leading assignments and redirections included) and how many loops enclose it.
 */
public record SimpleCommand(List<Word> words, int start, int end, int loopDepth) {

    /** Copies the word list. */
    public SimpleCommand {
        words = List.copyOf(words);
    }

    /** The words' texts. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(words.size());
        for (Word w : words) {
            argv.add(w.text());
        }
        return List.copyOf(argv);
    }
}
