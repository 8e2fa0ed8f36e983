package dev.composefix.report;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A report written with {@link JsonWriter}: as one string, or handed to the output as it is written,
 * the same text either way, with a final line break.
 */
abstract class JsonReport implements Reporter {

    /** Writes the report's one JSON value. */
    abstract void write(Report report, JsonWriter w);

    @Override
    public final String render(Report report) {
        JsonWriter w = new JsonWriter();
        write(report, w);
        return w + "\n";
    }

    @Override
    public final void render(Report report, Appendable out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        try {
            write(report, w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.finish("\n");
    }
}
