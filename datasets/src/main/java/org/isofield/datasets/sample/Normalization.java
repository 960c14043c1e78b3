package org.isofield.datasets.sample;

import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * A similarity transform {@code p -> scale * p + translation} with a uniform positive scale and no rotation, in
 * double precision. {@link #centered} maps a bounding box to the metrics frame (centred at the origin, longest side
 * 1); {@link #unitCube} maps it into {@code [0, 1]^3} with a margin.
 *
 * <p>Applying it to a cloud or mesh makes a new instance: each stored coordinate is taken to world space, transformed
 * and stored relative to the new origin, all in double, then rounded once to float, so large world coordinates keep
 * their precision. Normals keep their direction (the scale is positive) and are shared, as are faces and colours.
 * Instances are immutable and thread-safe.
 *
 * @param scale the uniform scale, finite and above 0
 * @param translation added after scaling
 */
public record Normalization(double scale, Vec3d translation) {
    /** The identity transform. */
    public static final Normalization IDENTITY = new Normalization(1, Vec3d.ZERO);
    private static final int GRAIN = 1 << 16;

    public Normalization {
        Check.positive("scale", scale);
        Objects.requireNonNull(translation, "translation");
        Check.finite("translation.x", translation.x());
        Check.finite("translation.y", translation.y());
        Check.finite("translation.z", translation.z());
    }

    /**
     * Maps {@code bounds} so that its centre goes to the origin and its longest side has length 1.
     *
     * @throws IllegalArgumentException if the box is empty or its longest side is 0 (a single point)
     */
    public static Normalization centered(Aabb bounds) {
        double s = 1.0 / longestSide(bounds);
        return new Normalization(s, bounds.center().times(-s));
    }

    /**
     * Maps {@code bounds} into the unit cube {@code [0, 1]^3}, centred at (0.5, 0.5, 0.5), with its longest side
     * spanning {@code 1 - 2 * margin}.
     *
     * @param margin the free space left on each side, 0 to less than 0.5
     */
    public static Normalization unitCube(Aabb bounds, double margin) {
        if (!(margin >= 0 && margin < 0.5)) {
            throw new IllegalArgumentException("margin = " + margin + "; expected 0 to less than 0.5");
        }
        double s = (1 - 2 * margin) / longestSide(bounds);
        return new Normalization(s, new Vec3d(0.5, 0.5, 0.5).minus(bounds.center().times(s)));
    }

    /** A pure translation by {@code (dx, dy, dz)}. */
    public static Normalization translation(double dx, double dy, double dz) {
        return new Normalization(1, new Vec3d(dx, dy, dz));
    }

    private static double longestSide(Aabb bounds) {
        Objects.requireNonNull(bounds, "bounds");
        double side = bounds.isEmpty() ? 0 : bounds.longestSide();
        if (!(side > 0) || Double.isInfinite(side)) {
            throw new IllegalArgumentException("cannot normalise " + bounds
                    + "; expected a box with a finite side above 0");
        }
        return side;
    }

    /** The transform undoing this one. */
    public Normalization inverse() {
        return new Normalization(1 / scale, translation.times(-1 / scale));
    }

    /** This transform followed by {@code next}: {@code p -> next(this(p))}. */
    public Normalization then(Normalization next) {
        return new Normalization(next.scale * scale, translation.times(next.scale).plus(next.translation));
    }

    /** The image of a point. */
    public Vec3d apply(Vec3d p) {
        return p.times(scale).plus(translation);
    }

    /** The image of a box (exact, since the transform is a positive scale plus a translation). */
    public Aabb apply(Aabb box) {
        if (box.isEmpty()) {
            return box;
        }
        Vec3d lo = apply(box.min());
        Vec3d hi = apply(box.max());
        return new Aabb(lo.x(), lo.y(), lo.z(), hi.x(), hi.y(), hi.z());
    }

    /** The transformed cloud, stored relative to {@link Vec3d#chooseOrigin} of its first transformed point. */
    public PointCloud apply(PointCloud cloud) {
        return apply(cloud, defaultOrigin(cloud.positions(), cloud.origin()));
    }

    /** The transformed cloud, stored relative to {@code targetOrigin}. */
    public PointCloud apply(PointCloud cloud, Vec3d targetOrigin) {
        float[] p = transform(cloud.positions(), cloud.origin(), targetOrigin);
        return PointCloud.of(p, cloud.normals(), cloud.colors(), targetOrigin);
    }

    /** The transformed mesh, stored relative to {@link Vec3d#chooseOrigin} of its first transformed vertex. */
    public TriangleMesh apply(TriangleMesh mesh) {
        return apply(mesh, defaultOrigin(mesh.vertices(), mesh.origin()));
    }

    /** The transformed mesh, stored relative to {@code targetOrigin}; faces and normals are shared. */
    public TriangleMesh apply(TriangleMesh mesh, Vec3d targetOrigin) {
        float[] v = transform(mesh.vertices(), mesh.origin(), targetOrigin);
        return TriangleMesh.of(v, mesh.faces(), mesh.normals(), targetOrigin);
    }

    private Vec3d defaultOrigin(float[] xyz, Vec3d from) {
        if (xyz.length < 3) {
            return Vec3d.ZERO;
        }
        Vec3d first = apply(new Vec3d(from.x() + xyz[0], from.y() + xyz[1], from.z() + xyz[2]));
        return Vec3d.chooseOrigin(first.x(), first.y(), first.z());
    }

    private float[] transform(float[] xyz, Vec3d from, Vec3d to) {
        Objects.requireNonNull(to, "targetOrigin");
        float[] out = new float[xyz.length];
        double s = scale;
        double ox = from.x(), oy = from.y(), oz = from.z();
        double tx = translation.x() - to.x(), ty = translation.y() - to.y(), tz = translation.z() - to.z();
        Parallel.forChunks(xyz.length / 3, GRAIN, (chunk, start, end) -> {
            for (int i = 3 * start; i < 3 * end; i += 3) {
                out[i] = (float) (s * (ox + xyz[i]) + tx);
                out[i + 1] = (float) (s * (oy + xyz[i + 1]) + ty);
                out[i + 2] = (float) (s * (oz + xyz[i + 2]) + tz);
            }
        });
        return out;
    }
}
