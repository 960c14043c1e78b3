package org.isofield.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Parallel loops over fixed chunks. A loop over {@code n} items is split into chunks of a size that depends only on
 * {@code n} and the grain the caller gives, never on the thread count, so per-chunk results (partial sums, random
 * streams split per chunk) are the same whatever {@link #threads()} is. Reductions combine chunk results in chunk
 * order.
 */
public final class Parallel {
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** Worker threads used by every parallel loop (default: the number of processors). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of worker threads for later loops; 0 means the number of processors. */
    public static synchronized void setThreads(int n) {
        Check.range("threads", n, 0, 4096);
        int value = n == 0 ? Runtime.getRuntime().availableProcessors() : n;
        if (value != threads) {
            threads = value;
            ForkJoinPool old = pool;
            pool = null;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Body of a chunked loop: handles items {@code [start, end)} of chunk {@code chunk}. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int start, int end);
    }

    /** Number of chunks for {@code n} items of at most {@code grain} each. */
    public static int chunkCount(int n, int grain) {
        Check.positive("grain", grain);
        return n == 0 ? 0 : (int) ((n + (long) grain - 1) / grain);
    }

    /** Runs {@code body} over chunks of {@code grain} items, in parallel; waits for all and rethrows the first error.
     * */
    public static void forChunks(int n, int grain, ChunkBody body) {
        int chunks = chunkCount(n, grain);
        if (chunks == 0) {
            return;
        }
        if (chunks == 1 || threads == 1) {
            for (int c = 0; c < chunks; c++) {
                int start = c * grain;
                body.run(c, start, (int) Math.min(n, (long) start + grain));
            }
            return;
        }
        Throwable[] errors = new Throwable[chunks];
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
        ForkJoinPool p = pool();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            final int start = c * grain;
            final int end = (int) Math.min(n, (long) start + grain);
            tasks.add(p.submit(() -> {
                try {
                    body.run(chunk, start, end);
                } catch (Throwable t) {
                    errors[chunk] = t;
                }
            }));
        }
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("parallel loop (interrupted)");
            } catch (ExecutionException e) {
                throw new IllegalStateException("parallel task failed", e.getCause());
            }
        }
        for (Throwable t : errors) {
            if (t != null) {
                throw unwrap(t);
            }
        }
    }

    /** Runs one task per chunk and returns the chunk results in chunk order. */
    public static <T> List<T> mapChunks(int n, int grain, ChunkFunction<T> fn) {
        int chunks = chunkCount(n, grain);
        List<T> out = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            out.add(null);
        }
        forChunks(n, grain, (chunk, start, end) -> out.set(chunk, fn.apply(chunk, start, end)));
        return out;
    }

    /** Runs {@code count} independent tasks, e.g. one per level or per axis. */
    public static void forEach(int count, IntFunctionVoid body) {
        forChunks(count, 1, (chunk, start, end) -> body.run(start));
    }

    /** Sums per-chunk doubles in chunk order, so the result does not depend on the thread count. */
    public static double sum(int n, int grain, ChunkFunction<Double> fn) {
        double s = 0;
        for (Double d : mapChunks(n, grain, fn)) {
            s += d;
        }
        return s;
    }

    /** Function of one chunk. */
    @FunctionalInterface
    public interface ChunkFunction<T> {
        T apply(int chunk, int start, int end);
    }

    /** Body of {@link #forEach}. */
    @FunctionalInterface
    public interface IntFunctionVoid {
        void run(int index);
    }

    /** Creates one object per chunk, e.g. scratch buffers, in chunk order. */
    public static <T> List<T> perChunk(int chunks, IntFunction<T> factory) {
        List<T> out = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            out.add(factory.apply(i));
        }
        return out;
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IsofieldException("parallel task failed: " + t, t);
    }
}
