package org.isofield.bench.index;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.isofield.core.Parallel;
import org.isofield.datasets.index.kdtree.KdTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link KdTree} on 1M points: build (reported as points/s), batch nearest and batch 8-nearest of 1M queries
 * (queries/s), and a brute-force nearest of 1024 queries over the same points (queries/s) as a sanity baseline. All
 * use {@link Parallel}'s default thread count. Points are uniform in [-1, 1]^3 ({@code uniform}) or on the unit
 * sphere ({@code sphere}, like surface samples); queries are drawn from the same distribution with another seed.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar KdTree -wi 2 -i 3 -f 1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class KdTreeBench {
    static final int N = 1_000_000;
    static final int BRUTE_QUERIES = 1024;

    @Param({"uniform"})
    public String distribution;

    @Param({"12"})
    public int leafSize;

    private float[] points;
    private float[] queries;
    private KdTree tree;
    private int[] outIndex;
    private float[] outDist2;
    private int[] knnIndex;
    private float[] knnDist2;

    @Setup
    public void setup() {
        points = generate(distribution, N, 1);
        queries = generate(distribution, N, 2);
        tree = KdTree.build(points, leafSize);
        outIndex = new int[N];
        outDist2 = new float[N];
        knnIndex = new int[8 * N];
        knnDist2 = new float[8 * N];
    }

    static float[] generate(String distribution, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble(-1, 1), y = rnd.nextDouble(-1, 1), z = rnd.nextDouble(-1, 1);
            if (distribution.equals("sphere")) {
                double len = Math.sqrt(x * x + y * y + z * z);
                if (len < 1e-6) {
                    i--;
                    continue;
                }
                x /= len;
                y /= len;
                z /= len;
            } else if (!distribution.equals("uniform")) {
                throw new IllegalArgumentException("distribution " + distribution + "; expected uniform or sphere");
            }
            p[3 * i] = (float) x;
            p[3 * i + 1] = (float) y;
            p[3 * i + 2] = (float) z;
        }
        return p;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public KdTree build() {
        return KdTree.build(points, leafSize);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float nearestBatch() {
        tree.nearest(queries, outIndex, outDist2);
        return outDist2[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float knn8Batch() {
        tree.knn(queries, 8, knnIndex, knnDist2);
        return knnDist2[8 * N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(BRUTE_QUERIES)
    public double bruteForceNearest() {
        return Parallel.sum(BRUTE_QUERIES, 64, (chunk, start, end) -> {
            double s = 0;
            for (int q = start; q < end; q++) {
                float qx = queries[3 * q], qy = queries[3 * q + 1], qz = queries[3 * q + 2];
                float best = Float.POSITIVE_INFINITY;
                for (int i = 0; i < 3 * N; i += 3) {
                    float dx = qx - points[i], dy = qy - points[i + 1], dz = qz - points[i + 2];
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
                s += best;
            }
            return s;
        });
    }
}
