package dev.composefix.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bounds that keep hostile input from exhausting the process, set well above what real compose
 * files need (every file of the regression corpus and a 10,000-service stack fit with room to spare):
 * file size in bytes, nesting depth of collections, the number of nodes the document stands for once
 * every alias is expanded, YAML documents in the stream, mapping keys in the whole file, and the length
 * of one scalar in characters. Each is checked while the file is read, before the work it bounds is
 * done, so the error comes as soon as the limit is passed.
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxExpandedNodes, int maxDocuments, int maxKeys,
        int maxScalarLength) {

    public static final YamlLimits DEFAULT = new YamlLimits(10 * 1024 * 1024, 256, 5_000_000L, 16, 500_000,
            1024 * 1024);

    /** Size, depth and alias bounds as given, the others at their defaults. */
    public YamlLimits(int maxBytes, int maxDepth, long maxExpandedNodes) {
        this(maxBytes, maxDepth, maxExpandedNodes, DEFAULT.maxDocuments, DEFAULT.maxKeys, DEFAULT.maxScalarLength);
    }

    /** These limits with another file size bound. */
    public YamlLimits withMaxBytes(int bytes) {
        return new YamlLimits(bytes, maxDepth, maxExpandedNodes, maxDocuments, maxKeys, maxScalarLength);
    }

    /**
     * Reads a file, but never more than one byte past {@link #maxBytes}: a file over the limit (or an
     * endless device) costs no more memory than the limit, and the loader then names the limit.
     */
    public byte[] read(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            // A regular file within the limit is read into an array of its size: reading in 8 KiB steps and
            // copying the steps together made three times the garbage of the file (thousands of files a run).
            long size = channel.size();
            if (size > 0 && size <= maxBytes) {
                byte[] bytes = new byte[(int) size];
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // until full or at the end
                }
                if (buffer.hasRemaining()) {
                    return java.util.Arrays.copyOf(bytes, buffer.position()); // it shrank meanwhile
                }
                if (channel.read(java.nio.ByteBuffer.allocate(1)) < 0) {
                    return bytes;
                }
                // it grew meanwhile: read again below, within the limit
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(maxBytes + 1);
        }
    }
}
