package org.isofield.datasets.registration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;

/**
 * A rigid motion {@code p' = R p + t} in double precision: a rotation matrix {@code R} (row-major, orthonormal,
 * determinant +1) and a translation {@code t}.
 *
 * <p>{@link #fromQuaternion} takes a unit quaternion in Hamilton convention, scalar last ({@code qx qy qz qw});
 * {@link #fromRotationVector} an axis times angle in radians. {@link #compose(RigidTransform) a.compose(b)} applies
 * {@code b} first, then {@code a}, as matrices multiply. Instances are immutable and thread-safe.
 */
public final class RigidTransform {
    /** The identity. */
    public static final RigidTransform IDENTITY = new RigidTransform(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
            Vec3d.ZERO);
    /** How far from orthonormal a matrix given to {@link #of} may be (per entry of {@code R^T R - I}). */
    static final double ORTHONORMAL_TOLERANCE = 1e-6;

    private final double[] r;
    private final Vec3d t;

    private RigidTransform(double[] r, Vec3d t) {
        this.r = r;
        this.t = t;
    }

    /**
     * The motion with this row-major rotation matrix and translation.
     *
     * @throws IllegalArgumentException if {@code rotation} has not 9 finite entries, is not orthonormal within
     *     {@value #ORTHONORMAL_TOLERANCE} or is a reflection
     */
    public static RigidTransform of(double[] rotation, Vec3d translation) {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(translation, "translation");
        if (rotation.length != 9 || !Arrays.stream(rotation).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("rotation is " + Arrays.toString(rotation)
                    + "; expected 9 finite numbers (a row-major 3x3 matrix)");
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += rotation[3 * k + i] * rotation[3 * k + j];
                }
                if (Math.abs(dot - (i == j ? 1 : 0)) > ORTHONORMAL_TOLERANCE) {
                    throw new IllegalArgumentException("rotation " + Arrays.toString(rotation)
                            + " is not orthonormal (column " + i + " . column " + j + " = " + dot + ")");
                }
            }
        }
        if (determinant(rotation) < 0) {
            throw new IllegalArgumentException("rotation " + Arrays.toString(rotation)
                    + " is a reflection (determinant -1); expected a rotation");
        }
        return new RigidTransform(rotation.clone(), translation);
    }

    /**
     * The motion rotating by the unit quaternion {@code (qx, qy, qz, qw)} (Hamilton, scalar last; {@code q} and
     * {@code -q} give the same rotation), then translating by {@code translation}.
     *
     * @throws IllegalArgumentException if the quaternion's norm is not within 1e-9 of 1 (normalise it first)
     */
    public static RigidTransform fromQuaternion(double qx, double qy, double qz, double qw, Vec3d translation) {
        double norm = Math.sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
        if (!(Math.abs(norm - 1) <= 1e-9)) {
            throw new IllegalArgumentException("quaternion (" + qx + ", " + qy + ", " + qz + ", " + qw
                    + ") has norm " + norm + "; expected a unit quaternion");
        }
        double[] m = {
            1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qz * qw), 2 * (qx * qz + qy * qw),
            2 * (qx * qy + qz * qw), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qx * qw),
            2 * (qx * qz - qy * qw), 2 * (qy * qz + qx * qw), 1 - 2 * (qx * qx + qy * qy),
        };
        return new RigidTransform(m, Objects.requireNonNull(translation, "translation"));
    }

    /** The rotation by {@code |v|} radians about the axis {@code v} (Rodrigues' formula), then the translation. */
    public static RigidTransform fromRotationVector(double vx, double vy, double vz, Vec3d translation) {
        double angle = Math.sqrt(vx * vx + vy * vy + vz * vz);
        if (angle == 0) {
            return new RigidTransform(IDENTITY.r, Objects.requireNonNull(translation, "translation"));
        }
        double s = Math.sin(angle / 2) / angle;
        return fromQuaternion(vx * s, vy * s, vz * s, Math.cos(angle / 2), translation);
    }

    /** A translation only. */
    public static RigidTransform translation(Vec3d t) {
        return new RigidTransform(IDENTITY.r, Objects.requireNonNull(t, "t"));
    }

    /** The rotation matrix, row-major; a copy. */
    public double[] rotation() {
        return r.clone();
    }

    /** Entry {@code (row, col)} of the rotation matrix. */
    public double rotation(int row, int col) {
        return r[3 * row + col];
    }

    public Vec3d translation() {
        return t;
    }

    /** The rotation as a unit quaternion {@code {qx, qy, qz, qw}} with {@code qw >= 0} (Shepperd's method). */
    public double[] quaternion() {
        double trace = r[0] + r[4] + r[8];
        double[] q;
        if (trace > 0) {
            double s = 2 * Math.sqrt(1 + trace);
            q = new double[] {(r[7] - r[5]) / s, (r[2] - r[6]) / s, (r[3] - r[1]) / s, s / 4};
        } else if (r[0] >= r[4] && r[0] >= r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]);
            q = new double[] {s / 4, (r[1] + r[3]) / s, (r[2] + r[6]) / s, (r[7] - r[5]) / s};
        } else if (r[4] >= r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]);
            q = new double[] {(r[1] + r[3]) / s, s / 4, (r[5] + r[7]) / s, (r[2] - r[6]) / s};
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]);
            q = new double[] {(r[2] + r[6]) / s, (r[5] + r[7]) / s, s / 4, (r[3] - r[1]) / s};
        }
        double sign = q[3] < 0 ? -1 : 1;
        double norm = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int i = 0; i < 4; i++) {
            q[i] *= sign / norm;
        }
        return q;
    }

    /** The rotation angle in radians, in [0, pi]. */
    public double angle() {
        double c = (r[0] + r[4] + r[8] - 1) / 2;
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }

    /** {@code this} after {@code first}: {@code p -> this(first(p))}. */
    public RigidTransform compose(RigidTransform first) {
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[3 * i + j] = r[3 * i] * first.r[j] + r[3 * i + 1] * first.r[3 + j] + r[3 * i + 2] * first.r[6 + j];
            }
        }
        return new RigidTransform(m, apply(first.t));
    }

    /** The inverse motion {@code p -> R^T (p - t)}. */
    public RigidTransform inverse() {
        double[] m = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
        RigidTransform rot = new RigidTransform(m, Vec3d.ZERO);
        return new RigidTransform(m, rot.rotate(t).times(-1));
    }

    /** {@code R p + t}. */
    public Vec3d apply(Vec3d p) {
        return rotate(p).plus(t);
    }

    /** {@code R v}, for directions and normals. */
    public Vec3d rotate(Vec3d v) {
        return new Vec3d(r[0] * v.x() + r[1] * v.y() + r[2] * v.z(), r[3] * v.x() + r[4] * v.y() + r[5] * v.z(),
                r[6] * v.x() + r[7] * v.y() + r[8] * v.z());
    }

    /**
     * The cloud moved by this motion, computed in world doubles. Normals are rotated; colours and scalars are
     * shared unchanged. The new {@link PointCloud#origin()} is {@link Vec3d#chooseOrigin} of the moved centre of
     * the cloud's bounds: zero for ordinary coordinates, a whole-unit point near the data for large (geographic)
     * ones, so the float offsets stay small.
     */
    public PointCloud apply(PointCloud cloud) {
        Objects.requireNonNull(cloud, "cloud");
        int n = cloud.size();
        Vec3d o = cloud.origin();
        Vec3d centre = n == 0 ? o : apply(cloud.bounds().center());
        Vec3d origin = Vec3d.chooseOrigin(centre.x(), centre.y(), centre.z());
        // R (o + p) + t - origin = R p + (R o + t - origin): one double offset, then per point in double
        Vec3d shift = apply(o).minus(origin);
        float[] p = cloud.positions();
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i += 3) {
            double x = p[i];
            double y = p[i + 1];
            double z = p[i + 2];
            out[i] = (float) (r[0] * x + r[1] * y + r[2] * z + shift.x());
            out[i + 1] = (float) (r[3] * x + r[4] * y + r[5] * z + shift.y());
            out[i + 2] = (float) (r[6] * x + r[7] * y + r[8] * z + shift.z());
        }
        float[] normals = null;
        if (cloud.hasNormals()) {
            float[] nv = cloud.normals();
            normals = new float[nv.length];
            for (int i = 0; i < nv.length; i += 3) {
                double x = nv[i];
                double y = nv[i + 1];
                double z = nv[i + 2];
                normals[i] = (float) (r[0] * x + r[1] * y + r[2] * z);
                normals[i + 1] = (float) (r[3] * x + r[4] * y + r[5] * z);
                normals[i + 2] = (float) (r[6] * x + r[7] * y + r[8] * z);
            }
        }
        return PointCloud.of(out, normals, cloud.colors(), origin).withScalars(cloud.scalars());
    }

    /** Largest absolute difference of rotation entries and of translation components to {@code o}. */
    public double distanceTo(RigidTransform o) {
        double d = 0;
        for (int i = 0; i < 9; i++) {
            d = Math.max(d, Math.abs(r[i] - o.r[i]));
        }
        return Math.max(d, o.t.minus(t).length());
    }

    private static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    @Override
    public String toString() {
        double[] q = quaternion();
        return String.format(Locale.ROOT, "RigidTransform[t (%.9g, %.9g, %.9g), q (%.9g, %.9g, %.9g, %.9g), %.6g deg]",
                t.x(), t.y(), t.z(), q[0], q[1], q[2], q[3], Math.toDegrees(angle()));
    }
}
