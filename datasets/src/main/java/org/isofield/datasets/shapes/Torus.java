package org.isofield.datasets.shapes;

import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * A torus around the z axis: the points within {@code minor} of the circle of radius {@code major} in the plane
 * {@code z = 0}. {@code sdf = |(sqrt(x^2 + y^2) - major, z)| - minor}, exact everywhere. Meshed as a wrapped
 * {@code (u, v)} grid (genus 1). Immutable.
 *
 * @param major radius of the centre circle, above {@code minor}
 * @param minor radius of the tube, above 0
 */
public record Torus(double major, double minor) implements AnalyticShape {
    public Torus {
        Check.positive("minor", minor);
        if (!(major > minor) || Double.isInfinite(major)) {
            throw new IllegalArgumentException("major = " + major + "; expected a finite number above minor = "
                    + minor);
        }
    }

    @Override
    public String name() {
        return "torus";
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double q = Math.sqrt(x * x + y * y) - major;
        return Math.sqrt(q * q + z * z) - minor;
    }

    /** Unit vector from the nearest point of the centre circle; on the axis or the circle it picks one. */
    @Override
    public Vec3d gradient(double x, double y, double z) {
        double rho = Math.sqrt(x * x + y * y);
        double cx = rho > 0 ? x / rho : 1, cy = rho > 0 ? y / rho : 0;
        double q = rho - major;
        double len = Math.sqrt(q * q + z * z);
        if (!(len > 0)) {
            return new Vec3d(0, 0, 1);
        }
        return new Vec3d(cx * q / len, cy * q / len, z / len);
    }

    @Override
    public Aabb bounds() {
        double r = major + minor;
        return new Aabb(-r, -r, -minor, r, r, minor);
    }

    @Override
    public TriangleMesh toMesh(int resolution) {
        double edge = Meshing.edge(this, resolution);
        int nu = Math.max(3, (int) Math.ceil(2 * Math.PI * major / edge));
        int nv = Math.max(3, (int) Math.ceil(2 * Math.PI * minor / edge));
        float[] vertices = new float[3 * nu * nv];
        for (int i = 0; i < nu; i++) {
            double u = 2 * Math.PI * i / nu;
            for (int j = 0; j < nv; j++) {
                double v = 2 * Math.PI * j / nv;
                double rho = major + minor * Math.cos(v);
                int o = 3 * (i * nv + j);
                vertices[o] = (float) (rho * Math.cos(u));
                vertices[o + 1] = (float) (rho * Math.sin(u));
                vertices[o + 2] = (float) (minor * Math.sin(v));
            }
        }
        int[] faces = new int[6 * nu * nv];
        int at = 0;
        for (int i = 0; i < nu; i++) {
            int i1 = (i + 1) % nu;
            for (int j = 0; j < nv; j++) {
                int j1 = (j + 1) % nv;
                at = Meshing.quad(faces, at, vertices, i * nv + j, i1 * nv + j, i1 * nv + j1, i * nv + j1);
            }
        }
        return TriangleMesh.of(vertices, faces);
    }
}
