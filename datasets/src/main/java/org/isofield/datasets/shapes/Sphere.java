package org.isofield.datasets.shapes;

import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * A ball of {@code radius} centred at the origin: {@code sdf = |p| - radius}, exact everywhere. Meshed as an
 * equal-angle cube sphere ({@link CubeLattice} with an empty inner box). Immutable.
 *
 * @param radius finite, above 0
 */
public record Sphere(double radius) implements AnalyticShape {
    public Sphere {
        Check.positive("radius", radius);
    }

    @Override
    public String name() {
        return "sphere";
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z) - radius;
    }

    /** The radial unit vector; {@code (0, 0, 1)} at the centre, where every direction is a gradient. */
    @Override
    public Vec3d gradient(double x, double y, double z) {
        double len = Math.sqrt(x * x + y * y + z * z);
        return len > 0 ? new Vec3d(x / len, y / len, z / len) : new Vec3d(0, 0, 1);
    }

    @Override
    public Aabb bounds() {
        return new Aabb(-radius, -radius, -radius, radius, radius, radius);
    }

    @Override
    public TriangleMesh toMesh(int resolution) {
        return new CubeLattice(new double[3], radius, Meshing.edge(this, resolution)).mesh();
    }
}
