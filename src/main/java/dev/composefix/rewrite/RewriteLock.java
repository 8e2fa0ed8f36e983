package dev.composefix.rewrite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two rewrites of the same file (two pre-commit hooks at once) from interleaving: whoever holds
 * the lock reads, rewrites and writes the file; the other waits, and then reads the first one's
 * result. The lock is an operating-system lock on a sibling file {@code .NAME.composefix.lock},
 * deleted by its holder before it lets go (after writing a byte into it); a waiter that then holds a
 * lock file with that byte knows it was deleted and starts over, so two holders never hold different files. Inside one process a lock per file keeps
 * threads apart too (the operating system's locks are per process).
 */
public final class RewriteLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final ReentrantLock local;

    private RewriteLock(Path lockFile, FileChannel channel, FileLock lock, ReentrantLock local) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.local = local;
    }

    /** The lock file beside {@code target} (the file a write replaces, links followed). */
    public static Path lockFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".composefix.lock");
    }

    /** Waits until this process holds the lock for {@code file}. */
    public static RewriteLock acquire(Path file) throws IOException {
        Path target = AtomicWrite.target(file);
        Path lockFile = lockFile(target);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        int stale = 0;
        try {
            while (true) {
                FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                    if (lock == null) {
                        if (AtomicWrite.testing()) {
                            System.err.println("composefix-waiting: lock");
                            System.err.flush();
                        }
                        lock = ch.lock();
                    }
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                if (current(ch)) {
                    return new RewriteLock(lockFile, ch, lock, local);
                }
                lock.release();
                ch.close(); // the holder before us deleted it: take the current one
                if (marked(lockFile) && ++stale > STALE_TRIES) {
                    // Still there, marked: its holder died between marking and deleting it. A marked
                    // file is never a lock again, so removing it is safe.
                    if (marked(lockFile)) {
                        Files.deleteIfExists(lockFile);
                    }
                    stale = 0;
                } else if (stale > 0) {
                    sleep();
                }
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** A marked lock file still at its path after this many looks, 100 ms apart, was left by a dead holder. */
    private static final int STALE_TRIES = 50;

    private static boolean marked(Path lockFile) {
        try {
            return Files.size(lockFile) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the lock");
        }
    }

    /**
     * Whether the locked file is still the one at {@code lockFile}. Only a holder deletes the lock file,
     * and it first writes a byte into it; so a locked file that is still empty was never deleted.
     */
    private static boolean current(FileChannel held) throws IOException {
        return held.size() == 0;
    }

    @Override
    public void close() throws IOException {
        try {
            // Mark the file as abandoned, then delete it while still holding the lock.
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), 0);
            Files.deleteIfExists(lockFile);
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }
}
