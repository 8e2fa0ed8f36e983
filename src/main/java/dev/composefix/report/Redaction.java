package dev.composefix.report;

import dev.composefix.fix.Fix;
import dev.composefix.fix.TextEdit;

/**
 * The one place where reports hide secret values. Every reporter passes what it prints from the
 * compose file (messages, quoted source lines, fix titles and fix text) through {@link #mask}, and
 * leaves out a fix whose inserted text would reveal a secret. Fingerprints hash masked text too.
 * Recognising secrets is not written yet: {@link #NONE} masks nothing.
 */
public interface Redaction {

    /** Masks nothing: the hook until secret detection exists. */
    Redaction NONE = text -> text;

    /** {@code text} with every secret value in it replaced by a mask. */
    String mask(String text);

    /** Whether printing {@code text} would reveal a secret. */
    default boolean reveals(String text) {
        return text != null && !mask(text).equals(text);
    }

    /** The fix as a report may show it: its title masked, or null when its new text would reveal a secret. */
    default Fix shown(Fix fix) {
        if (fix == null) {
            return null;
        }
        for (TextEdit e : fix.edits()) {
            if (reveals(e.text())) {
                return null;
            }
        }
        String title = mask(fix.title());
        return title.equals(fix.title()) ? fix : new Fix(title, fix.safety(), fix.edits(), fix.targets());
    }
}
