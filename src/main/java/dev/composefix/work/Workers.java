package dev.composefix.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Work spread over every core by index: the files of a run, the rules of a big file, the parts of a big text. */
public final class Workers {

    private Workers() {
    }

    /**
     * {@code work} applied to each of {@code 0..n-1}, on this thread and on the common pool's. Each thread
     * takes the next index as it becomes free, so the threads finish together: a parallel stream cuts the
     * range into a few pieces up front, and one thread went on with its last piece alone while the other
     * waited. What {@code work} throws stops the others after the index they are at, and is rethrown.
     */
    public static void eachIndex(int n, IntConsumer work) {
        if (n <= 1) {
            // One file (a pre-commit hook's usual run): the pool is not even loaded, whose set-up linked
            // java.lang.invoke's variable handles at every start.
            if (n == 1) {
                work.accept(0);
            }
            return;
        }
        Runnable share = new Share(n, work);
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            tasks.add(ForkJoinPool.commonPool().submit(share));
        }
        share.run();
        for (ForkJoinTask<?> t : tasks) {
            t.join(); // rethrows what failed there
        }
    }

    /**
     * What each thread of {@link #eachIndex} runs: takes the next index until none is left. A class rather
     * than a lambda, which a start would have to link.
     */
    private static final class Share implements Runnable {
        private final AtomicInteger next = new AtomicInteger();
        private final int n;
        private final IntConsumer work;

        Share(int n, IntConsumer work) {
            this.n = n;
            this.work = work;
        }

        @Override
        public void run() {
            try {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    work.accept(i);
                }
            } catch (RuntimeException | Error e) {
                next.set(n);
                throw e;
            }
        }
    }
}
