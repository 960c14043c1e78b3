package org.isofield.datasets.shapes;

import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * A CAD-like part with sharp edges and a hole (genus 1): the square block
 * {@code [-halfSide, halfSide]^2 x [-halfHeight, halfHeight]} minus the cylinder of {@code holeRadius} around the z
 * axis, which goes right through it.
 *
 * <p>The signed distance is exact everywhere, in closed form with {@code rho = sqrt(x^2 + y^2)}:
 * <ul>
 *   <li>inside the part: {@code -min(halfSide - |x|, halfSide - |y|, halfHeight - |z|, rho - holeRadius)};</li>
 *   <li>outside with {@code rho < holeRadius} (in the hole, or above or below it): the distance to the wall or its
 *       rim, {@code sqrt((holeRadius - rho)^2 + max(|z| - halfHeight, 0)^2)};</li>
 *   <li>outside elsewhere: the distance to the block, {@code |p - clamp(p)|} (the clamped point is in the part).</li>
 * </ul>
 *
 * <p>The mesh is built from rings: square rings on the sides and circle rings on the wall with the same number of
 * vertices at matching angles (so the square's corners are ring vertices), joined on the top and bottom by planar
 * quads between interpolated rings. Every vertex is shared by construction, so it is watertight with
 * {@code V - E + F = 0}. Immutable.
 *
 * @param halfSide   half side of the square block in x and y, above {@code holeRadius}
 * @param halfHeight half height of the block in z, above 0
 * @param holeRadius radius of the through hole, above 0
 */
public record CsgPart(double halfSide, double halfHeight, double holeRadius) implements AnalyticShape {
    public CsgPart {
        Check.positive("halfHeight", halfHeight);
        Check.positive("holeRadius", holeRadius);
        if (!(halfSide > holeRadius) || Double.isInfinite(halfSide)) {
            throw new IllegalArgumentException("halfSide = " + halfSide
                    + "; expected a finite number above holeRadius = "
                    + holeRadius);
        }
    }

    @Override
    public String name() {
        return "csg-part";
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z);
        double rho = Math.sqrt(x * x + y * y);
        boolean inBox = ax <= halfSide && ay <= halfSide && az <= halfHeight;
        if (inBox && rho >= holeRadius) {
            return -Math.min(Math.min(halfSide - ax, halfSide - ay), Math.min(halfHeight - az, rho - holeRadius));
        }
        if (rho < holeRadius) {
            double dr = holeRadius - rho;
            double dz = Math.max(az - halfHeight, 0);
            return Math.sqrt(dr * dr + dz * dz);
        }
        double dx = Math.max(ax - halfSide, 0), dy = Math.max(ay - halfSide, 0), dz = Math.max(az - halfHeight, 0);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public Aabb bounds() {
        return new Aabb(-halfSide, -halfSide, -halfHeight, halfSide, halfSide, halfHeight);
    }

    @Override
    public TriangleMesh toMesh(int resolution) {
        double edge = Meshing.edge(this, resolution);
        int perSide = Math.max(1, (int) Math.ceil(2 * halfSide / edge));
        int ring = 4 * perSide;
        int levels = Math.max(1, (int) Math.ceil(2 * halfHeight / edge));
        int radial = Math.max(1, (int) Math.ceil((halfSide - holeRadius) / edge));
        double[] sq = new double[2 * ring];
        for (int k = 0; k < ring; k++) {
            int side = k / perSide;
            double t = -halfSide + 2 * halfSide * (k % perSide) / perSide;
            double[][] xy = {{halfSide, t}, {-t, halfSide}, {-halfSide, -t}, {t, -halfSide}};
            sq[2 * k] = xy[side][0];
            sq[2 * k + 1] = xy[side][1];
        }
        // Rings in order: side levels 0..L (square), wall levels 0..L (circle), top inner rings, bottom inner rings.
        int rings = 2 * (levels + 1) + 2 * (radial - 1);
        float[] v = new float[3 * ring * rings];
        for (int l = 0; l <= levels; l++) {
            double z = l == levels ? halfHeight : -halfHeight + 2 * halfHeight * l / levels;
            ringPoints(v, l, sq, 1.0, z);
            ringPoints(v, levels + 1 + l, sq, 0.0, z);
        }
        for (int j = 1; j < radial; j++) {
            ringPoints(v, 2 * (levels + 1) + (j - 1), sq, (double) j / radial, halfHeight);
            ringPoints(v, 2 * (levels + 1) + (radial - 1) + (j - 1), sq, (double) j / radial, -halfHeight);
        }
        int[] f = new int[6 * ring * (2 * levels + 2 * radial)];
        int at = 0;
        for (int l = 0; l < levels; l++) {
            at = band(f, at, v, ring, l, l + 1, false);                          // sides, outward
            at = band(f, at, v, ring, levels + 1 + l, levels + 2 + l, true);     // wall, facing the axis
        }
        for (int j = 0; j < radial; j++) {
            // From the circle outwards: (ring direction) x (radial) points down, so the top is flipped.
            at = band(f, at, v, ring, annulus(j, true, levels, radial), annulus(j + 1, true, levels, radial), true);
            at = band(f, at, v, ring, annulus(j, false, levels, radial), annulus(j + 1, false, levels, radial), false);
        }
        return TriangleMesh.of(v, f);
    }

    /** Ring index of radial step {@code j} (0 = wall circle, radial = square) of the top or bottom annulus. */
    private static int annulus(int j, boolean top, int levels, int radial) {
        if (j == 0) {
            return top ? 2 * levels + 1 : levels + 1;
        }
        if (j == radial) {
            return top ? levels : 0;
        }
        return 2 * (levels + 1) + (top ? 0 : radial - 1) + (j - 1);
    }

    /** Writes ring {@code r}: the blend {@code t} between the circle (0) and the square (1) at height {@code z}. */
    private void ringPoints(float[] v, int r, double[] sq, double t, double z) {
        int ring = sq.length / 2;
        for (int k = 0; k < ring; k++) {
            double sx = sq[2 * k], sy = sq[2 * k + 1];
            double len = Math.sqrt(sx * sx + sy * sy);
            double cx = holeRadius * sx / len, cy = holeRadius * sy / len;
            int o = 3 * (r * ring + k);
            v[o] = (float) (t == 1.0 ? sx : cx + (sx - cx) * t);
            v[o + 1] = (float) (t == 1.0 ? sy : cy + (sy - cy) * t);
            v[o + 2] = (float) z;
        }
    }

    /** Quads between rings {@code a} and {@code b}, counter-clockwise around z; {@code flip} reverses them. */
    private static int band(int[] f, int at, float[] v, int ring, int a, int b, boolean flip) {
        for (int k = 0; k < ring; k++) {
            int k1 = (k + 1) % ring;
            int p = a * ring + k, q = a * ring + k1, r = b * ring + k1, s = b * ring + k;
            at = flip ? Meshing.quad(f, at, v, p, s, r, q) : Meshing.quad(f, at, v, p, q, r, s);
        }
        return at;
    }
}
