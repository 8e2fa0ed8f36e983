package dev.composefix.rewrite;

import dev.composefix.model.ComposeFile;
import java.util.Map;

/** Loads the model again from edited texts (by file name), as the first load did from disk. */
@FunctionalInterface
public interface Reloader {

    /** The model of the edited files; {@link Failure} when they do not load. */
    ComposeFile reload(Map<String, String> texts) throws Failure;

    /** The edited files do not load: why, and where. */
    final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message);
        }
    }
}
