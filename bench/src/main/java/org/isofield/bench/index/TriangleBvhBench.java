package org.isofield.bench.index;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.datasets.shapes.Shapes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Batch queries of {@link TriangleBvh} on a ~70k-triangle analytic mesh, 2^20 queries per invocation; the score is
 * queries per second. {@code distribution}: {@code uniform} in the bounds grown by 10%, or {@code near-surface}
 * (area-uniform surface points plus Gaussian noise of 1% of the diagonal, as in SDF training). Seeds are fixed.
 * Run: {@code java -jar bench/target/benchmarks.jar TriangleBvhBench -p threads=2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class TriangleBvhBench {
    static final int QUERIES = 1 << 20;

    /** Shape name for {@link Shapes#byName} and mesh resolution giving about 70k triangles. */
    @Param({"torus:132", "rounded-box:104"})
    public String mesh;

    @Param({"uniform", "near-surface"})
    public String distribution;

    /** Worker threads of {@link Parallel}; 0 means all processors. */
    @Param({"0"})
    public int threads;

    private TriangleBvh bvh;
    private float[] queries;
    private float[] out;

    @Setup(Level.Trial)
    public void setUp() {
        Parallel.setThreads(threads);
        String[] spec = mesh.split(":");
        TriangleMesh m = Shapes.byName(spec[0]).toMesh(Integer.parseInt(spec[1]));
        bvh = TriangleBvh.build(m);
        queries = distribution.equals("uniform") ? uniform(m.bounds(), 1) : nearSurface(m, 2);
        out = new float[QUERIES];
        System.out.println("\n" + bvh);
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public float[] closestPoint() {
        bvh.closestPoints(queries, Vec3d.ZERO, out, null, null, null);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public float[] windingNumber() {
        bvh.windingNumbers(queries, Vec3d.ZERO, TriangleBvh.DEFAULT_BETA, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public float[] signedDistance() {
        bvh.signedDistances(queries, Vec3d.ZERO, TriangleBvh.DEFAULT_BETA, out);
        return out;
    }

    static float[] uniform(Aabb b, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double pad = 0.1 * b.longestSide();
        float[] q = new float[3 * QUERIES];
        for (int i = 0; i < q.length; i += 3) {
            q[i] = (float) (b.minX() - pad + r.nextDouble() * (b.sizeX() + 2 * pad));
            q[i + 1] = (float) (b.minY() - pad + r.nextDouble() * (b.sizeY() + 2 * pad));
            q[i + 2] = (float) (b.minZ() - pad + r.nextDouble() * (b.sizeZ() + 2 * pad));
        }
        return q;
    }

    static float[] nearSurface(TriangleMesh m, long seed) {
        float[] v = m.vertices();
        int[] f = m.faces();
        double[] cdf = new double[m.faceCount()];
        double total = 0;
        for (int t = 0; t < cdf.length; t++) {
            int a = 3 * f[3 * t], b = 3 * f[3 * t + 1], c = 3 * f[3 * t + 2];
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            total += Math.sqrt(nx * nx + ny * ny + nz * nz);
            cdf[t] = total;
        }
        SplittableRandom r = new SplittableRandom(seed);
        double sigma = 0.01 * m.bounds().diagonal();
        float[] q = new float[3 * QUERIES];
        for (int i = 0; i < q.length; i += 3) {
            int t = Arrays.binarySearch(cdf, r.nextDouble() * total);
            t = Math.min(cdf.length - 1, t < 0 ? -t - 1 : t);
            double s = Math.sqrt(r.nextDouble()), u = r.nextDouble();
            double b0 = 1 - s, b1 = s * (1 - u), b2 = s * u;
            for (int a = 0; a < 3; a++) {
                double p = b0 * v[3 * f[3 * t] + a] + b1 * v[3 * f[3 * t + 1] + a] + b2 * v[3 * f[3 * t + 2] + a];
                q[i + a] = (float) (p + sigma * gaussian(r));
            }
        }
        return q;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
