package org.isofield.datasets.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.isofield.core.CancelledException;
import org.isofield.core.NumericalException;
import org.isofield.core.Parallel;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.PcaNormals;

/**
 * Point-to-plane ICP (Chen and Medioni, "Object modelling by registration of multiple range images", 1992), with
 * the linearised least-squares step of Low, "Linear least-squares optimization for point-to-plane ICP surface
 * registration" (TR04-004, 2004): each iteration pairs every moved source point {@code p} with its nearest target
 * point {@code q} (normal {@code n}), rejects pairs farther apart than {@link IcpConfig#maxDistance()}, and solves
 * for the small rotation {@code a} and translation {@code t} minimising
 * {@code sum ((p - q) . n + (p x n) . a + n . t)^2} (6x6 normal equations in double, rotation about the target's
 * centre, rotation unknowns scaled by the source's radius). The update is applied as an exact rotation and composed
 * onto the pose; iteration stops when an update is below {@link IcpConfig#tolerance()} or after
 * {@link IcpConfig#maxIterations()}.
 *
 * <p>Built once per target (KD-tree, normals estimated by {@link PcaNormals} when the target has none, median
 * spacing), then {@link #align} any number of sources. Deterministic: the nearest-neighbour queries are exact and
 * the sums are taken over fixed chunks combined in order, so the result is the same for any thread count.
 *
 * <p>Degenerate geometry (a plane, which leaves the in-plane rotation and translation free; a sphere; a cylinder's
 * axis) makes the normal equations singular: {@link #align} then throws a {@link NumericalException} naming the
 * first unconstrained motion rather than returning an arbitrary pose.
 */
public final class PointToPlaneIcp {
    /** A pivot of the scaled normal equations below this fraction of the largest diagonal entry is singular. */
    static final double SINGULAR = 1e-9;
    private static final int GRAIN = 4096;
    private static final String[] UNKNOWNS = {"rotation about x", "rotation about y", "rotation about z",
        "translation along x", "translation along y", "translation along z"};

    /** The state before update {@code index} (or after the last one): RMS point-to-plane distance of the inliers. */
    public record Iteration(int index, double rms, int inliers) {
    }

    /**
     * The refined pose and how it was reached.
     *
     * @param transform maps the source's world coordinates into the target's
     * @param iterations the state before each update and, last, after the final one
     * @param updates how many updates were applied
     * @param converged whether the last update was below the tolerance (else the iteration limit stopped it)
     * @param maxDistance the rejection distance used
     */
    public record Result(RigidTransform transform, List<Iteration> iterations, int updates, boolean converged,
            double maxDistance) {
        /** The state after the last update. */
        public Iteration last() {
            return iterations.get(iterations.size() - 1);
        }
    }

    private final IcpConfig config;
    private final PointCloud target;
    private final KdTree tree;
    private final float[] normals;
    private final double spacing;
    private final double maxDistance;
    private final Vec3d centre;

    /** Prepares a target with {@link IcpConfig#DEFAULT}. */
    public PointToPlaneIcp(PointCloud target) {
        this(target, IcpConfig.DEFAULT);
    }

    /**
     * Prepares a target (at least 6 points): its KD-tree, its normals (its own when it has them, else estimated;
     * zero normals count as missing and such points are never matched) and its median spacing.
     */
    public PointToPlaneIcp(PointCloud target, IcpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.target = Objects.requireNonNull(target, "target");
        if (target.size() < 6) {
            throw new IllegalArgumentException("the ICP target has " + target.size() + " points; expected at least 6");
        }
        this.tree = KdTree.build(target);
        this.normals = target.hasNormals() ? target.normals()
                : PcaNormals.estimate(target.positions(), tree, config.normalNeighbors());
        this.spacing = PointSpacing.median(target.positions(), tree);
        this.maxDistance = config.maxDistance().orElse(config.maxDistanceSpacings() * spacing);
        if (!(maxDistance > 0)) {
            throw new IllegalArgumentException("the ICP target's median spacing is 0 (duplicate points); expected "
                    + "distinct points or an explicit max_distance");
        }
        Vec3d c = target.bounds().center();
        this.centre = c.minus(target.origin());
    }

    /** One call: refine {@code initial} so that {@code source} moved by it lies on {@code target}. */
    public static Result align(PointCloud source, PointCloud target, RigidTransform initial) {
        return new PointToPlaneIcp(target).align(source, initial, Progress.NONE);
    }

    /** The target's median point spacing. */
    public double spacing() {
        return spacing;
    }

    /** The correspondence rejection distance in use. */
    public double maxDistance() {
        return maxDistance;
    }

    /** The KD-tree over the target's stored positions. */
    public KdTree tree() {
        return tree;
    }

    /** The target's normals (its own or estimated), 3 per point; shared, do not write. */
    public float[] targetNormals() {
        return normals;
    }

    /**
     * Refines the pose of {@code source} (world coordinates mapped by {@code initial} into the target's world).
     *
     * @throws NumericalException when fewer than 6 pairs are within the distance, or the geometry leaves a motion
     *     unconstrained
     * @throws CancelledException when {@code progress} asks to stop
     */
    public Result align(PointCloud source, RigidTransform initial, Progress progress) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(initial, "initial");
        int n = source.size();
        // source points in double, in the target's stored frame (relative to its origin)
        RigidTransform toFrame = RigidTransform.translation(target.origin().times(-1));
        RigidTransform pose = toFrame.compose(initial).compose(RigidTransform.translation(source.origin()));
        float[] p = source.positions();
        double diagonal = Math.max(target.bounds().diagonal(), Double.MIN_NORMAL);
        List<Iteration> history = new ArrayList<>();
        float[] moved = new float[3 * n];
        int[] index = new int[n];
        float[] dist2 = new float[n];
        boolean converged = false;
        int updates = 0;
        for (int it = 0; ; it++) {
            if (!progress.report("icp", Math.min(1.0, it / (double) config.maxIterations()))) {
                throw new CancelledException("icp");
            }
            move(pose, p, moved);
            tree.nearest(moved, index, dist2);
            double[] sums = accumulate(moved, index, dist2);
            int inliers = (int) sums[43];
            if (inliers < 6) {
                throw new NumericalException("icp", it, inliers + " of " + n + " source points have a target point "
                        + "within max_distance " + maxDistance + "; expected at least 6 (do the clouds overlap at "
                        + "the initial pose?)");
            }
            history.add(new Iteration(it, Math.sqrt(sums[42] / inliers), inliers));
            if (converged || it == config.maxIterations()) {
                break;
            }
            RigidTransform step = solve(sums, it);
            pose = step.compose(pose);
            updates++;
            converged = step.angle() < config.tolerance()
                    && step.translation().minus(centre).plus(step.rotate(centre)).length()
                    < config.tolerance() * diagonal;
        }
        RigidTransform world = RigidTransform.translation(target.origin()).compose(pose)
                .compose(RigidTransform.translation(source.origin().times(-1)));
        return new Result(world, List.copyOf(history), updates, converged, maxDistance);
    }

    private static void move(RigidTransform pose, float[] p, float[] out) {
        double[] r = pose.rotation();
        Vec3d t = pose.translation();
        for (int i = 0; i < p.length; i += 3) {
            double x = p[i];
            double y = p[i + 1];
            double z = p[i + 2];
            out[i] = (float) (r[0] * x + r[1] * y + r[2] * z + t.x());
            out[i + 1] = (float) (r[3] * x + r[4] * y + r[5] * z + t.y());
            out[i + 2] = (float) (r[6] * x + r[7] * y + r[8] * z + t.z());
        }
    }

    /** Per-chunk sums of A^T A (36), A^T b (6), r^2 and the inlier count, combined in chunk order. */
    private double[] accumulate(float[] moved, int[] index, float[] dist2) {
        int n = index.length;
        float limit2 = (float) (maxDistance * maxDistance);
        float[] q = target.positions();
        double cx = centre.x();
        double cy = centre.y();
        double cz = centre.z();
        List<double[]> parts = Parallel.mapChunks(n, GRAIN, (chunk, start, end) -> {
            double[] s = new double[44];
            double[] a = new double[6];
            for (int i = start; i < end; i++) {
                int j = index[i];
                double nx = normals[3 * j];
                double ny = normals[3 * j + 1];
                double nz = normals[3 * j + 2];
                if (dist2[i] > limit2 || nx == 0 && ny == 0 && nz == 0) {
                    continue;
                }
                double px = moved[3 * i];
                double py = moved[3 * i + 1];
                double pz = moved[3 * i + 2];
                double r = (px - q[3 * j]) * nx + (py - q[3 * j + 1]) * ny + (pz - q[3 * j + 2]) * nz;
                double ux = px - cx;
                double uy = py - cy;
                double uz = pz - cz;
                a[0] = uy * nz - uz * ny;
                a[1] = uz * nx - ux * nz;
                a[2] = ux * ny - uy * nx;
                a[3] = nx;
                a[4] = ny;
                a[5] = nz;
                for (int u = 0; u < 6; u++) {
                    for (int v = 0; v <= u; v++) {
                        s[6 * u + v] += a[u] * a[v];
                    }
                    s[36 + u] -= a[u] * r;
                }
                s[42] += r * r;
                s[43] += 1;
            }
            return s;
        });
        double[] total = new double[44];
        for (double[] s : parts) {
            for (int k = 0; k < 44; k++) {
                total[k] += s[k];
            }
        }
        return total;
    }

    /** The update about the target's centre from the summed normal equations. */
    private RigidTransform solve(double[] sums, int it) {
        // scale the rotation unknowns by the lever arm so all six have the units of a length
        double lever = Math.sqrt((sums[0] + sums[7] + sums[14]) / Math.max(1, sums[43]));
        lever = lever > 0 ? lever : 1;
        double[] scale = {1 / lever, 1 / lever, 1 / lever, 1, 1, 1};
        double[] a = new double[36];
        double[] b = new double[6];
        for (int u = 0; u < 6; u++) {
            for (int v = 0; v <= u; v++) {
                a[6 * u + v] = sums[6 * u + v] * scale[u] * scale[v];
            }
            b[u] = sums[36 + u] * scale[u];
        }
        int[] failed = new int[1];
        double[] x = SmallCholesky.solve(a, b, 6, SINGULAR, failed);
        if (x == null) {
            throw new NumericalException("icp", it, "the point-to-plane equations are singular: the geometry does "
                    + "not constrain " + UNKNOWNS[failed[0]] + " (about the target's centre " + centre
                    + " in its stored frame); expected a surface with varied normals, not a plane, sphere or "
                    + "cylinder");
        }
        RigidTransform rot = RigidTransform.fromRotationVector(x[0] * scale[0], x[1] * scale[1], x[2] * scale[2],
                Vec3d.ZERO);
        // p -> R (p - c) + c + t
        Vec3d t = centre.minus(rot.rotate(centre)).plus(new Vec3d(x[3], x[4], x[5]));
        return RigidTransform.of(rot.rotation(), t);
    }
}
