package org.isofield.datasets.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.isofield.core.Parallel;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.sample.Normalization;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.SurfaceSampler;

/**
 * Compares a reconstructed surface R with a ground truth G ({@link SurfaceReport}): both meshes are mapped by
 * {@link #frame(TriangleMesh) G's frame} (bounding box of G's referenced vertices centred at the origin, longest
 * side 1), {@link EvalConfig#samples()} points with face normals are sampled area-weighted on each (two streams
 * split, R's first, from one {@code SplittableRandom(seed)}), and every sample is matched to its nearest sample on
 * the other surface with a {@link KdTree}. Distances are thus sample-to-sample, which overestimates
 * point-to-surface distances by about the sampling spacing (about {@code 0.5 sqrt(area / samples)} on average).
 *
 * <p>All sums are taken in double over fixed chunks and combined in chunk order, so reports are identical for any
 * thread count. Time O(N log N) for N samples, in parallel. Instances are immutable and thread-safe.
 *
 * <p>Example: the Chamfer-L1 of a mesh against itself shifted by 1% of its size along x in the normalised frame:
 * <pre>{@code
 * Normalization frame = SurfaceMetrics.frame(gt);
 * TriangleMesh shifted = frame.then(Normalization.translation(0.01, 0, 0)).then(frame.inverse()).apply(gt);
 * double chamfer = SurfaceMetrics.evaluate(shifted, gt, EvalConfig.DEFAULT).chamferL1();
 * }</pre>
 */
public final class SurfaceMetrics {
    static final int GRAIN = 16_384;

    private final EvalConfig config;

    public SurfaceMetrics(EvalConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Compares {@code recon} with {@code gt} using {@link EvalConfig#DEFAULT}. */
    public static SurfaceReport evaluate(TriangleMesh recon, TriangleMesh gt) {
        return evaluate(recon, gt, EvalConfig.DEFAULT);
    }

    /** Compares {@code recon} with {@code gt} using {@code config}. */
    public static SurfaceReport evaluate(TriangleMesh recon, TriangleMesh gt, EvalConfig config) {
        return new SurfaceMetrics(config).evaluate(recon, gt, Progress.NONE);
    }

    public EvalConfig config() {
        return config;
    }

    /**
     * Compares {@code recon} with {@code gt}, reporting the two sampling phases ({@code "sample"}) to
     * {@code progress}.
     *
     * @throws IllegalArgumentException if either mesh has no faces or zero area, or G's bounds are a single point
     */
    public SurfaceReport evaluate(TriangleMesh recon, TriangleMesh gt, Progress progress) {
        Objects.requireNonNull(recon, "recon");
        Objects.requireNonNull(gt, "gt");
        Normalization frame = frame(gt);
        SplittableRandom random = new SplittableRandom(config.seed());
        SplittableRandom reconStream = random.split();
        SplittableRandom gtStream = random.split();
        SurfaceSampler sampler = new SurfaceSampler(new SamplerConfig(config.samples(), 0, true, config.seed()));
        PointCloud r = sampleOrExplain("reconstruction", sampler, frame.apply(recon, Vec3d.ZERO), reconStream,
                progress);
        PointCloud g = sampleOrExplain("ground truth", sampler, frame.apply(gt, Vec3d.ZERO), gtStream, progress);
        return compare(r, g, config.fscoreThresholds());
    }

    private static PointCloud sampleOrExplain(String which, SurfaceSampler sampler, TriangleMesh mesh,
            SplittableRandom stream, Progress progress) {
        try {
            return sampler.sample(mesh, stream, progress);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
    }

    /**
     * The metrics frame of a ground truth: the bounding box of its referenced vertices centred at the origin, with
     * longest side 1.
     *
     * @throws IllegalArgumentException if the mesh has no faces or all its vertices coincide
     */
    public static Normalization frame(TriangleMesh gt) {
        float[] v = gt.vertices();
        int[] f = gt.faces();
        if (f.length == 0) {
            throw new IllegalArgumentException("ground truth " + gt + " has no faces; cannot normalise it");
        }
        double x0 = Double.POSITIVE_INFINITY, y0 = x0, z0 = x0;
        double x1 = Double.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
        for (int i : f) {
            x0 = Math.min(x0, v[3 * i]);
            y0 = Math.min(y0, v[3 * i + 1]);
            z0 = Math.min(z0, v[3 * i + 2]);
            x1 = Math.max(x1, v[3 * i]);
            y1 = Math.max(y1, v[3 * i + 1]);
            z1 = Math.max(z1, v[3 * i + 2]);
        }
        Vec3d o = gt.origin();
        return Normalization.centered(new Aabb(o.x() + x0, o.y() + y0, o.z() + z0, o.x() + x1, o.y() + y1, o.z() + z1));
    }

    /**
     * Compares two sample clouds directly (no normalisation, no sampling): {@code recon} is expressed in
     * {@code gt}'s origin if they differ. Normal consistency uses the clouds' normals and is NaN if either has none;
     * a pair with a zero normal counts as {@code |cos| = 0}.
     *
     * @param thresholds F-score thresholds, in the clouds' units
     * @throws IllegalArgumentException if either cloud is empty
     */
    public static SurfaceReport compare(PointCloud recon, PointCloud gt, List<Double> thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        if (recon.isEmpty() || gt.isEmpty()) {
            throw new IllegalArgumentException("cannot compare clouds of " + recon.size() + " and " + gt.size()
                    + " points; expected at least one point each");
        }
        PointCloud r = recon.origin().equals(gt.origin()) ? recon : Normalization.IDENTITY.apply(recon, gt.origin());
        double[] t = thresholds.stream().mapToDouble(Double::doubleValue).toArray();
        boolean normals = r.hasNormals() && gt.hasNormals();
        double[] rg = direction(r, gt, KdTree.build(gt.positions()), t, normals);
        double[] gr = direction(gt, r, KdTree.build(r.positions()), t, normals);
        int nr = r.size();
        int ng = gt.size();
        double acc = rg[0] / nr, comp = gr[0] / ng;
        double accL2 = rg[1] / nr, compL2 = gr[1] / ng;
        double nc = normals ? 0.5 * (rg[2] / nr + gr[2] / ng) : Double.NaN;
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<Double> fscore = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            double p = rg[4 + k] / nr;
            double q = gr[4 + k] / ng;
            precision.add(p);
            recall.add(q);
            fscore.add(p + q > 0 ? 2 * p * q / (p + q) : 0.0);
        }
        return new SurfaceReport(nr, ng, acc, comp, 0.5 * (acc + comp), accL2, compL2, 0.5 * (accL2 + compL2), nc,
                Math.max(rg[3], gr[3]), thresholds, precision, recall, fscore);
    }

    /**
     * Nearest-neighbour statistics from each point of {@code from} to {@code to}: sum of d, sum of d^2, sum of
     * |cos| of normals, max d, then per threshold the count of d below it; summed per fixed chunk in double.
     */
    private static double[] direction(PointCloud from, PointCloud to, KdTree tree, double[] thresholds,
            boolean normals) {
        int n = from.size();
        int[] index = new int[n];
        float[] dist2 = new float[n];
        tree.nearest(from.positions(), index, dist2);
        float[] na = from.normals();
        float[] nb = to.normals();
        List<double[]> parts = Parallel.mapChunks(n, GRAIN, (chunk, start, end) -> {
            double[] s = new double[4 + thresholds.length];
            for (int i = start; i < end; i++) {
                double d2 = dist2[i];
                double d = Math.sqrt(d2);
                s[0] += d;
                s[1] += d2;
                if (normals) {
                    s[2] += absCos(na, i, nb, index[i]);
                }
                s[3] = Math.max(s[3], d);
                for (int k = 0; k < thresholds.length; k++) {
                    if (d < thresholds[k]) {
                        s[4 + k]++;
                    }
                }
            }
            return s;
        });
        double[] total = new double[4 + thresholds.length];
        for (double[] s : parts) {
            for (int k = 0; k < s.length; k++) {
                total[k] = k == 3 ? Math.max(total[k], s[k]) : total[k] + s[k];
            }
        }
        return total;
    }

    private static double absCos(float[] a, int i, float[] b, int j) {
        double ax = a[3 * i], ay = a[3 * i + 1], az = a[3 * i + 2];
        double bx = b[3 * j], by = b[3 * j + 1], bz = b[3 * j + 2];
        double la = ax * ax + ay * ay + az * az;
        double lb = bx * bx + by * by + bz * bz;
        if (!(la > 0 && lb > 0)) {
            return 0;
        }
        return Math.abs(ax * bx + ay * by + az * bz) / Math.sqrt(la * lb);
    }
}
