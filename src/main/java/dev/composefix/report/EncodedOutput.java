package dev.composefix.report;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Text output that also takes bytes already encoded in its charset: a report of many findings encodes
 * its blocks on every core, and the thread writing them in order only writes bytes. Writing
 * {@code text.getBytes(charset())} must put out exactly what appending {@code text} does, so the charset
 * must encode text in pieces as it encodes it whole (UTF-8, ISO-8859-1, US-ASCII; not UTF-16, which
 * starts each piece with a byte-order mark).
 */
public interface EncodedOutput extends Appendable {

    /** The charset appended text is written in. */
    Charset charset();

    /** Writes bytes encoded in {@link #charset()}, after what was appended or written before. */
    void write(byte[] bytes) throws IOException;
}
