package dev.composefix.rewrite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file's content so that it is always either the complete old or the complete new
 * version: write a temporary file beside it, flush it to disk, keep the original's permissions, then
 * rename it over the original. A symbolic link is followed and its target replaced, so the link stays.
 * A file that does not exist yet is created the same way.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    public static void replace(Path file, byte[] content) throws IOException {
        boolean exists = Files.exists(file);
        Path target = exists ? file.toRealPath() : file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "the directory is not writable");
        }
        if (exists && !Files.isWritable(target)) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only");
        }
        Path tmp = dir.resolve("." + target.getFileName() + ".composefix-" + ProcessHandle.current().pid() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            PosixFileAttributeView view = exists
                    ? Files.getFileAttributeView(target, PosixFileAttributeView.class) : null;
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                Files.setPosixFilePermissions(tmp, perms);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
