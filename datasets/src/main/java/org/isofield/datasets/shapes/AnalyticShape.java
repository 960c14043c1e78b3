package org.isofield.datasets.shapes;

import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * A solid with a closed-form signed distance function, for tests, benchmarks and demos: ground truth for
 * reconstruction and SDF learning.
 *
 * <p>Contract of every implementation: {@link #signedDistance} is the exact Euclidean distance to the surface,
 * negative inside (shapes say where it is only exact near the surface); {@link #toMesh} is watertight (every
 * undirected edge in exactly two faces), consistently oriented with outward normals (counter-clockwise seen from
 * outside), with every vertex on the surface up to float rounding. Implementations are immutable and thread-safe.
 */
public interface AnalyticShape {
    /** The name used by {@link Shapes#byName}, e.g. {@code "torus"}. */
    String name();

    /** Signed distance from world point {@code (x, y, z)} to the surface: negative inside, 0 on it. */
    double signedDistance(double x, double y, double z);

    /**
     * Gradient of {@link #signedDistance} (the outward unit normal of the nearest surface point, where unique). The
     * default uses central differences with step {@code 1e-6 x} the bounds' diagonal; shapes override it where the
     * gradient is easy in closed form.
     */
    default Vec3d gradient(double x, double y, double z) {
        double h = 1e-6 * Math.max(1e-3, bounds().diagonal());
        double gx = signedDistance(x + h, y, z) - signedDistance(x - h, y, z);
        double gy = signedDistance(x, y + h, z) - signedDistance(x, y - h, z);
        double gz = signedDistance(x, y, z + h) - signedDistance(x, y, z - h);
        return new Vec3d(gx / (2 * h), gy / (2 * h), gz / (2 * h));
    }

    /** Tight world bounds of the solid. */
    Aabb bounds();

    /**
     * A watertight, outward-oriented triangle mesh of the surface with about {@code resolution} edge segments
     * across the longest side of {@link #bounds()} (faces grow with its square). Deterministic.
     *
     * @param resolution 1 to 65536
     */
    TriangleMesh toMesh(int resolution);

    /** Signed distances of world points {@code xyz[3N]} into {@code out[N]}, in parallel fixed chunks. */
    default void signedDistances(float[] xyz, float[] out) {
        Objects.requireNonNull(xyz, "xyz");
        Objects.requireNonNull(out, "out");
        Check.multipleOf("xyz", xyz.length, 3);
        if (out.length != xyz.length / 3) {
            throw new IllegalArgumentException("out has length " + out.length + "; expected " + xyz.length / 3);
        }
        Parallel.forChunks(out.length, 4096, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                out[i] = (float) signedDistance(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
            }
        });
    }
}
