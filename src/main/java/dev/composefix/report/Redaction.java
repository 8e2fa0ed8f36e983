package dev.composefix.report;

import dev.composefix.fix.Fix;
import dev.composefix.fix.TextEdit;
import java.util.List;

/**
 * The one place where reports hide secret values. Every reporter passes what it prints from the
 * compose file (messages, quoted source lines, fix titles and fix text) through {@link #mask}, and
 * leaves out a fix whose inserted text would reveal a secret. Fingerprints hash masked text too.
 * {@link SecretRedaction} is what runs use; {@link #NONE} masks nothing.
 */
public interface Redaction {

    /**
     * Masks nothing. An anonymous class rather than a lambda, which a start would have to link (a nested
     * class of an interface would be public).
     */
    Redaction NONE = new Redaction() {
        @Override
        public String mask(String text) {
            return text;
        }
    };

    /** {@code text} with every secret value in it replaced by a mask. */
    String mask(String text);

    /** Whether printing {@code text} would reveal a secret. */
    default boolean reveals(String text) {
        return text != null && !mask(text).equals(text);
    }

    /** Whether printing the new text of any of {@code edits} would reveal a secret. */
    default boolean reveals(List<TextEdit> edits) {
        for (TextEdit e : edits) {
            if (reveals(e.text())) {
                return true;
            }
        }
        return false;
    }

    /** The fix as a report may show it: its title masked, or null when its new text would reveal a secret. */
    default Fix shown(Fix fix) {
        if (fix == null) {
            return null;
        }
        if (reveals(fix.edits())) {
            return null;
        }
        String title = mask(fix.title());
        return title.equals(fix.title()) ? fix : fix.withTitle(title);
    }
}
