package org.isofield.datasets.sample;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.isofield.core.Parallel;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Draws points uniformly by area on the surface of a triangle mesh: a face is picked with probability proportional
 * to its area (binary search in a prefix sum of areas kept in double), then a uniform point in it from barycentric
 * coordinates {@code (1 - sqrt(u), sqrt(u) (1 - v), sqrt(u) v)}. Optionally each sample gets its face's unit normal,
 * and Gaussian noise of standard deviation {@code noise * diagonal} per coordinate, where {@code diagonal} is that
 * of {@link TriangleMesh#bounds()}.
 *
 * <p>Determinism: samples are drawn in fixed chunks of {@value #GRAIN} points; chunk {@code c} uses the
 * {@code c}-th {@link SplittableRandom#split()} of the seed's stream, and every point consumes the same draws, so
 * the result is identical for any thread count. Degenerate faces (zero area, or too small to change the running
 * sum) are never chosen. The cloud is stored relative to the mesh's origin. Time O(F + N log F), in parallel.
 * Instances are immutable and thread-safe.
 */
public final class SurfaceSampler {
    /** Samples per chunk, and per split of the random stream. */
    static final int GRAIN = 16_384;

    private final SamplerConfig config;

    public SurfaceSampler(SamplerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** {@code nPoints} samples with normals and no noise, seeded by {@code seed}. */
    public static PointCloud sample(TriangleMesh mesh, int nPoints, long seed) {
        return new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "n_points", nPoints, "seed", seed)).sample(mesh);
    }

    public SamplerConfig config() {
        return config;
    }

    /** Samples the mesh's surface as configured. */
    public PointCloud sample(TriangleMesh mesh) {
        return sample(mesh, Progress.NONE);
    }

    /** Samples the mesh's surface as configured, reporting phase {@code "sample"}. */
    public PointCloud sample(TriangleMesh mesh, Progress progress) {
        return sample(mesh, new SplittableRandom(config.seed()), progress);
    }

    /**
     * Samples the mesh's surface with random streams split from {@code random} (one split per chunk, taken in chunk
     * order before any sampling) instead of the config's seed; use this to draw several independent samplings from
     * one seeded stream.
     *
     * @throws IllegalArgumentException if the mesh has no faces, or its total area is zero or not finite
     * @throws org.isofield.core.CancelledException if {@code progress} asks to stop
     */
    public PointCloud sample(TriangleMesh mesh, SplittableRandom random, Progress progress) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(random, "random");
        double[] cumulative = cumulativeAreas(mesh);
        int n = config.nPoints();
        int chunks = Parallel.chunkCount(n, GRAIN);
        List<SplittableRandom> streams = Parallel.perChunk(chunks, c -> random.split());
        float[] positions = new float[3 * n];
        float[] normals = config.normals() ? new float[3 * n] : null;
        double sigma = config.noise() == 0 ? 0 : config.noise() * mesh.bounds().diagonal();
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        ProgressMeter meter = ProgressMeter.of(progress, "sample", n);
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            SplittableRandom rnd = streams.get(chunk);
            double total = cumulative[cumulative.length - 1];
            for (int i = start; i < end; i++) {
                int face = pick(cumulative, rnd.nextDouble(total));
                int a = 3 * f[3 * face], b = 3 * f[3 * face + 1], c = 3 * f[3 * face + 2];
                double r1 = Math.sqrt(rnd.nextDouble());
                double r2 = rnd.nextDouble();
                double wa = 1 - r1, wb = r1 * (1 - r2), wc = r1 * r2;
                for (int k = 0; k < 3; k++) {
                    double x = wa * v[a + k] + wb * v[b + k] + wc * v[c + k];
                    if (sigma > 0) {
                        x += sigma * rnd.nextGaussian();
                    }
                    positions[3 * i + k] = (float) x;
                }
                if (normals != null) {
                    faceNormal(v, a, b, c, normals, 3 * i);
                }
            }
            meter.step(end - start);
        });
        meter.done();
        return PointCloud.of(positions, normals, null, mesh.origin());
    }

    /** Running sums of face areas in double; the last entry is the total area. */
    static double[] cumulativeAreas(TriangleMesh mesh) {
        int nf = mesh.faceCount();
        if (nf == 0) {
            throw new IllegalArgumentException("cannot sample " + mesh + ": it has no faces");
        }
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        double[] cumulative = new double[nf];
        Parallel.forChunks(nf, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                cumulative[i] = area(v, 3 * f[3 * i], 3 * f[3 * i + 1], 3 * f[3 * i + 2]);
            }
        });
        for (int i = 1; i < nf; i++) {
            cumulative[i] += cumulative[i - 1];
        }
        double total = cumulative[nf - 1];
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("cannot sample " + mesh + ": its total area is " + total
                    + " (every face degenerate, or non-finite coordinates); expected a finite area above 0");
        }
        return cumulative;
    }

    /** The first face whose running sum exceeds {@code u}, for {@code 0 <= u < total}. */
    static int pick(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Area of the triangle of vertices at offsets {@code a, b, c} of {@code v}, in double. */
    static double area(float[] v, int a, int b, int c) {
        double ux = (double) v[b] - v[a], uy = (double) v[b + 1] - v[a + 1], uz = (double) v[b + 2] - v[a + 2];
        double wx = (double) v[c] - v[a], wy = (double) v[c + 1] - v[a + 1], wz = (double) v[c + 2] - v[a + 2];
        double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
        return 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
    }

    private static void faceNormal(float[] v, int a, int b, int c, float[] out, int o) {
        double ux = (double) v[b] - v[a], uy = (double) v[b + 1] - v[a + 1], uz = (double) v[b + 2] - v[a + 2];
        double wx = (double) v[c] - v[a], wy = (double) v[c + 1] - v[a + 1], wz = (double) v[c + 2] - v[a + 2];
        double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        out[o] = (float) (nx / len);
        out[o + 1] = (float) (ny / len);
        out[o + 2] = (float) (nz / len);
    }
}
