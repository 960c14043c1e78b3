package org.isofield.datasets.geom;

import java.util.Map;
import java.util.Objects;

/**
 * N points with optional per-point normals and colours, stored as flat arrays: positions {@code float[3N]}
 * (x0 y0 z0 x1 ...) relative to a {@code double} {@link #origin()}, normals {@code float[3N]} (unit length, or zero
 * where unknown), colours {@code float[3N]} as RGB in [0, 1], and named scalars {@code float[N]} ({@link Scalars}).
 *
 * <p>Immutable: {@code of(...)} and {@code with...} take ownership of the arrays without copying, and accessors
 * return the shared arrays, which callers must never write. Instances are thread-safe.
 */
public final class PointCloud {
    private final float[] positions;
    private final float[] normals;
    private final float[] colors;
    private final Map<String, float[]> scalars;
    private final Vec3d origin;
    private volatile Aabb bounds;

    private PointCloud(float[] positions, float[] normals, float[] colors, Vec3d origin) {
        this(positions, normals, colors, Map.of(), origin);
    }

    private PointCloud(float[] positions, float[] normals, float[] colors, Map<String, float[]> scalars, Vec3d origin) {
        Objects.requireNonNull(positions, "positions");
        if (positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions has length " + positions.length
                    + "; expected a multiple of 3");
        }
        checkAttribute("normals", normals, positions.length);
        checkAttribute("colors", colors, positions.length);
        this.positions = positions;
        this.normals = normals;
        this.colors = colors;
        this.scalars = Scalars.check(scalars, positions.length / 3);
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    private static void checkAttribute(String name, float[] a, int n) {
        if (a != null && a.length != n) {
            throw new IllegalArgumentException(name + " has length " + a.length + "; expected " + n + " (3 per point)");
        }
    }

    /** A cloud of positions relative to the world origin. */
    public static PointCloud of(float[] positions) {
        return new PointCloud(positions, null, null, Vec3d.ZERO);
    }

    /** A cloud whose positions are relative to {@code origin}. */
    public static PointCloud of(float[] positions, Vec3d origin) {
        return new PointCloud(positions, null, null, origin);
    }

    /** A cloud with all attributes; {@code normals} and {@code colors} may be null. */
    public static PointCloud of(float[] positions, float[] normals, float[] colors, Vec3d origin) {
        return new PointCloud(positions, normals, colors, origin);
    }

    /** A new cloud sharing this one's positions and colours, with these normals (or none when null). */
    public PointCloud withNormals(float[] newNormals) {
        return new PointCloud(positions, newNormals, colors, scalars, origin);
    }

    /** A new cloud sharing this one's positions and normals, with these colours (or none when null). */
    public PointCloud withColors(float[] newColors) {
        return new PointCloud(positions, normals, newColors, scalars, origin);
    }

    /** A new cloud sharing this one's arrays, with these named per-point scalars ({@link Scalars}; empty for none). */
    public PointCloud withScalars(Map<String, float[]> newScalars) {
        return new PointCloud(positions, normals, colors, newScalars, origin);
    }

    /** Number of points. */
    public int size() {
        return positions.length / 3;
    }

    public boolean isEmpty() {
        return positions.length == 0;
    }

    /** Positions relative to {@link #origin()}, 3 per point; shared, do not write. */
    public float[] positions() {
        return positions;
    }

    /** Normals, 3 per point, or null; shared, do not write. */
    public float[] normals() {
        return normals;
    }

    /** RGB colours in [0, 1], 3 per point, or null; shared, do not write. */
    public float[] colors() {
        return colors;
    }

    /**
     * Named per-point scalars such as {@code intensity} from a scanner, 1 value per point, in file order; an empty
     * map when there are none. Unmodifiable; the arrays are shared, do not write.
     */
    public Map<String, float[]> scalars() {
        return scalars;
    }

    public boolean hasNormals() {
        return normals != null;
    }

    public boolean hasColors() {
        return colors != null;
    }

    /** The world position that stored coordinates are relative to. */
    public Vec3d origin() {
        return origin;
    }

    /** World x of point {@code i}. */
    public double x(int i) {
        return origin.x() + positions[3 * i];
    }

    /** World y of point {@code i}. */
    public double y(int i) {
        return origin.y() + positions[3 * i + 1];
    }

    /** World z of point {@code i}. */
    public double z(int i) {
        return origin.z() + positions[3 * i + 2];
    }

    /** World-space bounds, computed once. */
    public Aabb bounds() {
        Aabb b = bounds;
        if (b == null) {
            b = Aabb.of(positions, origin);
            bounds = b;
        }
        return b;
    }

    @Override
    public String toString() {
        return "PointCloud[" + size() + " points" + (hasNormals() ? ", normals" : "") + (hasColors() ? ", colors" : "")
                + (scalars.isEmpty() ? "" : ", scalars " + scalars.keySet()) + ", origin " + origin + "]";
    }
}
