package dev.composefix.report;

import java.io.IOException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;

/**
 * Texts made in blocks on every core and handed on in block order, the printing overlapping the
 * making: the calling thread prints block k while the pool's threads make the next ones, and makes
 * blocks itself when the next one to print is not claimed yet. At most {@code window} blocks are made
 * and not yet printed, so what is held stays bounded. The text handed on is the one a single thread
 * making each block in turn would hand on.
 */
final class OrderedBlocks<T> {

    /** Where the blocks go, in order. */
    interface Sink<T> {
        void accept(T block) throws IOException;
    }

    private final IntFunction<T> make;
    private final int blocks;
    private final int window;
    private final Object[] made;
    private final Object lock = new Object();
    /** The next block to claim, and how many have been printed: guarded by {@link #lock}. */
    private int claimed;
    private int printed;
    private Throwable failure;

    private OrderedBlocks(IntFunction<T> make, int blocks, int window) {
        this.make = make;
        this.blocks = blocks;
        this.window = window;
        this.made = new Object[blocks];
    }

    /** Makes blocks {@code 0..blocks-1} with {@code make} and hands each to {@code out} in order. */
    static <T> void write(int blocks, int window, IntFunction<T> make, Sink<T> out) throws IOException {
        new OrderedBlocks<T>(make, blocks, window).run(out);
    }

    private void run(Sink<T> out) throws IOException {
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), blocks - 1);
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(this::help);
        }
        try {
            for (int k = 0; k < blocks; k++) {
                out.accept(await(k));
                synchronized (lock) {
                    printed++;
                    lock.notifyAll();
                }
            }
        } finally {
            synchronized (lock) {
                claimed = blocks; // helpers still waiting for room stop
                printed = blocks;
                lock.notifyAll();
            }
        }
    }

    /** Block k once made: by a helper, or here when it is next to claim. */
    @SuppressWarnings("unchecked")
    private T await(int k) {
        while (true) {
            int mine;
            synchronized (lock) {
                while (made[k] == null && failure == null && !(claimed == k && k < printed + window)) {
                    if (claimed < blocks && claimed < printed + window && claimed > k) {
                        break; // a later block is free while a helper makes k: make that one meanwhile
                    }
                    waitOn();
                }
                rethrow();
                if (made[k] != null) {
                    T block = (T) made[k];
                    made[k] = null;
                    return block;
                }
                mine = claimed++;
            }
            T block = make.apply(mine);
            synchronized (lock) {
                made[mine] = block;
                lock.notifyAll();
            }
        }
    }

    /** A pool thread's share: claims and makes blocks while there is room in the window. */
    private void help() {
        try {
            while (true) {
                int mine;
                synchronized (lock) {
                    while (claimed < blocks && claimed >= printed + window && failure == null) {
                        waitOn();
                    }
                    if (claimed >= blocks || failure != null) {
                        return;
                    }
                    mine = claimed++;
                }
                T block = make.apply(mine);
                synchronized (lock) {
                    made[mine] = block;
                    lock.notifyAll();
                }
            }
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                failure = e;
                lock.notifyAll();
            }
        }
    }

    private void waitOn() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the report", e);
        }
    }

    private void rethrow() {
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }
}
