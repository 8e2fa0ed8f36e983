package dev.composefix.rewrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file's content so that it is always either the complete old or the complete new
 * version: write a temporary file beside it, flush it to disk, keep the original's permissions, then
 * rename it over the original. A symbolic link is followed and its target replaced, so the link stays.
 * A file that does not exist yet is created the same way.
 *
 * <p>The temporary file is named {@code .NAME.composefix-PID.tmp} after the writing process; one left
 * behind by a writer that was killed is removed by the next write to the same file once no process
 * with that id runs any more (a temporary file of a live writer is never touched).
 *
 * <p>For tests only, the system property {@value #PAUSE_PROPERTY} names one of the {@link Pause}
 * points: the writer prints {@code composefix-pause: POINT} on standard error there and waits for a
 * line on standard input, so a test can kill it at exactly that point, or let it go on. Without the
 * property nothing pauses.
 */
public final class AtomicWrite {

    public static final String PAUSE_PROPERTY = "composefix.test.pauseAt";

    /** Where a test may stop a writer, in the order they are passed. */
    public enum Pause {
        BEFORE_TEMP, HALF_TEMP, AFTER_FLUSH, BEFORE_RENAME, AFTER_RENAME;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.composefix-([0-9]+)\\.tmp");

    private AtomicWrite() {
    }

    /** The file a write to {@code file} replaces: the target of a symbolic link, else the file itself. */
    public static Path target(Path file) throws IOException {
        return Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().normalize();
    }

    public static void replace(Path file, byte[] content) throws IOException {
        boolean exists = Files.exists(file);
        Path target = target(file);
        Path dir = target.getParent();
        if (readOnly(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "the directory " + dir + " is not writable");
        }
        if (exists && readOnly(target)) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only");
        }
        removeAbandonedTemporaries(target);
        Path tmp = temporary(target, ProcessHandle.current().pid());
        try {
            pause(Pause.BEFORE_TEMP);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                if (pausing(Pause.HALF_TEMP)) {
                    write(ch, ByteBuffer.wrap(content, 0, content.length / 2));
                    ch.force(true);
                    pause(Pause.HALF_TEMP);
                    write(ch, ByteBuffer.wrap(content, content.length / 2, content.length - content.length / 2));
                } else {
                    write(ch, ByteBuffer.wrap(content));
                }
                ch.force(true);
            }
            pause(Pause.AFTER_FLUSH);
            PosixFileAttributeView view = exists
                    ? Files.getFileAttributeView(target, PosixFileAttributeView.class) : null;
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                Files.setPosixFilePermissions(tmp, perms);
            }
            pause(Pause.BEFORE_RENAME);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            pause(Pause.AFTER_RENAME);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Not writable for this process, or with no write permission for anyone: a file made read-only on
     * purpose stays so even for root, who may write anything.
     */
    public static boolean readOnly(Path p) throws IOException {
        if (!Files.isWritable(p)) {
            return true;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        return !perms.contains(PosixFilePermission.OWNER_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static void write(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** The rename is durable once the directory is flushed; where a directory cannot be opened, skip it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform and file system lets a directory be flushed; the rename has happened
        }
    }

    /** The temporary file the process {@code pid} writes {@code target}'s new content to. */
    public static Path temporary(Path target, long pid) {
        return target.resolveSibling("." + target.getFileName() + ".composefix-" + pid + ".tmp");
    }

    /** Deletes temporary files for {@code target} whose writing process is gone; returns how many. */
    public static int removeAbandonedTemporaries(Path target) throws IOException {
        int removed = 0;
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), ".*.composefix-*.tmp")) {
            for (Path p : ds) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(name)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return removed;
    }

    /** Whether a test asked for pause points (and so for notices of waiting, see {@link RewriteLock}). */
    static boolean testing() {
        return System.getProperty(PAUSE_PROPERTY) != null;
    }

    private static boolean pausing(Pause at) {
        return at.id().equals(System.getProperty(PAUSE_PROPERTY));
    }

    private static void pause(Pause at) {
        if (!pausing(at)) {
            return;
        }
        System.err.println("composefix-pause: " + at.id());
        System.err.flush();
        try {
            System.in.read();
        } catch (IOException e) {
            // standard input is gone: go on
        }
    }
}
