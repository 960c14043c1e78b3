package org.isofield.datasets.shapes;

import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * A box with half extents {@code (halfX, halfY, halfZ)} centred at the origin whose edges and corners are rounded
 * with {@code radius}: the points within {@code radius} of the inner box {@code half - radius}. Exact everywhere:
 * {@code sdf = |max(q, 0)| + min(max(q_x, q_y, q_z), 0) - radius} with {@code q = |p| - (half - radius)}. Meshed by
 * {@link CubeLattice}. Immutable.
 *
 * @param halfX  outer half extent along x, at least {@code radius}
 * @param halfY  outer half extent along y, at least {@code radius}
 * @param halfZ  outer half extent along z, at least {@code radius}
 * @param radius rounding radius, above 0
 */
public record RoundedBox(double halfX, double halfY, double halfZ, double radius) implements AnalyticShape {
    public RoundedBox {
        Check.positive("radius", radius);
        Check.range("halfX", halfX, radius, Double.MAX_VALUE);
        Check.range("halfY", halfY, radius, Double.MAX_VALUE);
        Check.range("halfZ", halfZ, radius, Double.MAX_VALUE);
    }

    @Override
    public String name() {
        return "rounded-box";
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        return boxDistance(x, y, z, halfX - radius, halfY - radius, halfZ - radius) - radius;
    }

    /** Exact signed distance to the box {@code [-a, a]} (0 or more thickness on each axis). */
    static double boxDistance(double x, double y, double z, double ax, double ay, double az) {
        double qx = Math.abs(x) - ax, qy = Math.abs(y) - ay, qz = Math.abs(z) - az;
        double ox = Math.max(qx, 0), oy = Math.max(qy, 0), oz = Math.max(qz, 0);
        return Math.sqrt(ox * ox + oy * oy + oz * oz) + Math.min(Math.max(qx, Math.max(qy, qz)), 0);
    }

    @Override
    public Aabb bounds() {
        return new Aabb(-halfX, -halfY, -halfZ, halfX, halfY, halfZ);
    }

    @Override
    public TriangleMesh toMesh(int resolution) {
        double[] inner = {halfX - radius, halfY - radius, halfZ - radius};
        return new CubeLattice(inner, radius, Meshing.edge(this, resolution)).mesh();
    }
}
