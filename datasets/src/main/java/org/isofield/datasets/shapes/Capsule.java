package org.isofield.datasets.shapes;

import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * The points within {@code radius} of the segment from {@code (0, 0, -halfLength)} to {@code (0, 0, halfLength)}:
 * {@code sdf = |p - (0, 0, clamp(z, -h, h))| - radius}, exact everywhere. Meshed by {@link CubeLattice} with an
 * inner box that is the segment. Immutable.
 *
 * @param halfLength half length of the axis segment, 0 or more (0 gives a sphere)
 * @param radius     above 0
 */
public record Capsule(double halfLength, double radius) implements AnalyticShape {
    public Capsule {
        Check.range("halfLength", halfLength, 0, Double.MAX_VALUE);
        Check.positive("radius", radius);
    }

    @Override
    public String name() {
        return "capsule";
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double dz = z - Math.max(-halfLength, Math.min(halfLength, z));
        return Math.sqrt(x * x + y * y + dz * dz) - radius;
    }

    @Override
    public Aabb bounds() {
        return new Aabb(-radius, -radius, -halfLength - radius, radius, radius, halfLength + radius);
    }

    @Override
    public TriangleMesh toMesh(int resolution) {
        return new CubeLattice(new double[] {0, 0, halfLength}, radius, Meshing.edge(this, resolution)).mesh();
    }
}
