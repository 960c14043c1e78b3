package org.isofield.reconstruction.sdf;

import java.util.Objects;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.fields.train.BatchSource;
import org.isofield.reconstruction.InvalidMeshException;

/**
 * Fresh SDF batches from counter-based random numbers: the CPU twin of {@link DeviceSdfSampler} (kernel
 * {@code sdf_draw} of {@code sdf_batch.c}) and the reference its parity test compares against. The mix is
 * {@link SdfSampler}'s (half on the surface, 3/8 jittered by logistic noise, 1/8 uniform), but every number comes
 * from splitmix64 of (seed, step, sample, draw), so batch {@code s} depends on nothing but {@code s}: no pool, no
 * stream state, and resuming at step {@code s} is setting the counter. A triangle is picked by a float cumulative
 * area share over the hierarchy's leaf order and a point on it by folding the unit square ({@code u + v > 1} mirrored),
 * in float operations the device repeats exactly. Targets are {@link TriangleBvh#signedDistances} (double inside).
 * Not thread-safe.
 */
public final class SdfDraws implements BatchSource {
    private static final long STEP = 0x9E3779B97F4A7C15L;
    private static final long SAMPLE = 0xD1B54A32D192ED03L;
    private static final long DRAW = 0x8CB92BA72F3D8DD7L;

    private final TriangleBvh bvh;
    private final SdfSamplingConfig config;
    private final float[] tris;
    private final float[] cdf;
    private long step;

    /**
     * @param bvh    the hierarchy over the mesh in the unit-cube frame (origin zero), as {@link SdfSampler#bvh()}
     * @param config batch size, jitter scale, beta and seed (the pool settings do not apply)
     */
    public SdfDraws(TriangleBvh bvh, SdfSamplingConfig config) {
        this.bvh = Objects.requireNonNull(bvh, "bvh");
        this.config = Objects.requireNonNull(config, "config");
        this.tris = bvh.flat().tris();
        this.cdf = areaCdf(tris);
    }

    /** Cumulative area shares of the triangles (9 floats each), in float, the last exactly 1. */
    static float[] areaCdf(float[] tris) {
        int n = tris.length / 9;
        double[] cum = new double[n];
        double total = 0;
        for (int t = 0; t < n; t++) {
            int o = 9 * t;
            double ux = (double) tris[o + 3] - tris[o], uy = (double) tris[o + 4] - tris[o + 1];
            double uz = (double) tris[o + 5] - tris[o + 2];
            double wx = (double) tris[o + 6] - tris[o], wy = (double) tris[o + 7] - tris[o + 1];
            double wz = (double) tris[o + 8] - tris[o + 2];
            double cx = uy * wz - uz * wy, cy = uz * wx - ux * wz, cz = ux * wy - uy * wx;
            total += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
            cum[t] = total;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new InvalidMeshException("mesh has " + n + " faces but total area " + total
                    + " (every face degenerate); expected at least one face of non-zero area");
        }
        float[] cdf = new float[n];
        for (int t = 0; t < n; t++) {
            cdf[t] = (float) (cum[t] / total);
        }
        cdf[n - 1] = 1f;
        return cdf;
    }

    /** Draw {@code d} of sample {@code i} at step {@code step}: a float in [0, 1) of 24 random bits. */
    static float uniform(long seed, long step, long i, int d) {
        long x = seed + step * STEP + i * SAMPLE + d * DRAW;
        x ^= x >>> 30;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 27;
        x *= 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (float) (x >>> 40) * 0x1p-24f;
    }

    /** The cumulative area shares the device uploads. */
    float[] cdf() {
        return cdf;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    /** Steps drawn so far. */
    public long step() {
        return step;
    }

    /** Moves to step {@code target} (any step: batches are counter-based). */
    public void skipTo(long target) {
        if (target < 0) {
            throw new IllegalArgumentException("target step " + target + "; expected 0 or more");
        }
        step = target;
    }

    @Override
    public void next(float[] positions, float[] targets) {
        draw(step, positions, targets);
        int n = config.batchSize();
        int ns = config.surfaceCount();
        float[] q = new float[3 * (n - ns)];
        System.arraycopy(positions, 3 * ns, q, 0, q.length);
        float[] d = new float[n - ns];
        bvh.signedDistances(q, Vec3d.ZERO, config.beta(), d);
        System.arraycopy(d, 0, targets, ns, d.length);
        step++;
    }

    /** The positions of batch {@code s} and the (zero) targets of its surface part, as {@code sdf_draw} writes them. */
    void draw(long s, float[] positions, float[] targets) {
        int n = config.batchSize();
        int ns = config.surfaceCount();
        int nj = config.jitterCount();
        long seed = config.seed();
        float jitter = (float) config.jitterScale();
        for (int i = 0; i < n; i++) {
            if (i < ns + nj) {
                int t = pick(uniform(seed, s, i, 0));
                float u = uniform(seed, s, i, 1);
                float v = uniform(seed, s, i, 2);
                if (u + v > 1f) {
                    u = 1f - u;
                    v = 1f - v;
                }
                int o = 9 * t;
                for (int a = 0; a < 3; a++) {
                    float p = tris[o + a] + (u * (tris[o + 3 + a] - tris[o + a]) + v * (tris[o + 6 + a] - tris[o + a]));
                    if (i >= ns) {
                        float w = uniform(seed, s, i, 3 + a);
                        float j = w > 0f ? jitter * (float) Math.log(w / (1f - w)) : 0f;
                        p = Math.min(1f, Math.max(0f, p + j));
                    }
                    positions[3 * i + a] = p;
                }
                if (i < ns) {
                    targets[i] = 0f;
                }
            } else {
                for (int a = 0; a < 3; a++) {
                    positions[3 * i + a] = uniform(seed, s, i, a);
                }
            }
        }
    }

    private int pick(float u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
