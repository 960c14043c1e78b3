package org.isofield.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @AfterEach
    void reset() {
        Parallel.setThreads(0);
    }

    private static double noisySum() {
        return Parallel.sum(100_000, 4096, (chunk, start, end) -> {
            SplittableRandom r = new SplittableRandom(42L * 1_000_003L + chunk);
            double s = 0;
            for (int i = start; i < end; i++) {
                s += r.nextDouble() * 1e-3 + Math.sin(i);
            }
            return s;
        });
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Parallel.setThreads(1);
        double one = noisySum();
        Parallel.setThreads(2);
        double two = noisySum();
        Parallel.setThreads(7);
        double seven = noisySum();
        assertThat(two).isEqualTo(one);
        assertThat(seven).isEqualTo(one);
    }

    @Test
    void everyItemIsVisitedOnce() {
        int[] hits = new int[10_001];
        Parallel.forChunks(hits.length, 333, (c, s, e) -> {
            for (int i = s; i < e; i++) {
                hits[i]++;
            }
        });
        assertThat(hits).containsOnly(1);
        assertThat(Parallel.chunkCount(10_001, 333)).isEqualTo(31);
        assertThat(Parallel.chunkCount(0, 333)).isZero();
    }

    @Test
    void errorsInWorkersReachTheCaller() {
        Parallel.setThreads(2);
        assertThatThrownBy(() -> Parallel.forChunks(100, 10, (c, s, e) -> {
            if (c == 3) {
                throw new IllegalStateException("chunk 3 failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 3 failed");
    }
}
