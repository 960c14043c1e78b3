package org.isofield.reconstruction.sdf;

import java.util.SplittableRandom;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.reconstruction.InvalidMeshException;

/**
 * Area-weighted uniform points on a mesh whose vertices are stored with origin zero: a face by binary search in a
 * double prefix sum of areas (zero-area faces are never chosen), then barycentric {@code (1 - sqrt(u),
 * sqrt(u) (1 - v), sqrt(u) v)}. Immutable and thread-safe; every point consumes exactly three draws.
 */
final class SurfacePicker {
    private final float[] v;
    private final int[] f;
    private final double[] cumulative;

    /**
     * @throws org.isofield.reconstruction.InvalidMeshException if the total area is zero (every face degenerate) or not
      *     finite
     */
    SurfacePicker(TriangleMesh mesh) {
        this.v = mesh.vertices();
        this.f = mesh.faces();
        int nf = f.length / 3;
        cumulative = new double[nf];
        double total = 0;
        for (int t = 0; t < nf; t++) {
            int a = 3 * f[3 * t], b = 3 * f[3 * t + 1], c = 3 * f[3 * t + 2];
            double ux = (double) v[b] - v[a], uy = (double) v[b + 1] - v[a + 1], uz = (double) v[b + 2] - v[a + 2];
            double wx = (double) v[c] - v[a], wy = (double) v[c + 1] - v[a + 1], wz = (double) v[c + 2] - v[a + 2];
            double cx = uy * wz - uz * wy, cy = uz * wx - ux * wz, cz = ux * wy - uy * wx;
            total += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
            cumulative[t] = total;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new InvalidMeshException("mesh has " + nf + " faces but total area " + total
                    + " (every face degenerate); expected at least one face of non-zero area");
        }
    }

    /** Writes a uniform surface point to {@code out[3 i .. 3 i + 2]}. */
    void pick(SplittableRandom rnd, float[] out, int i) {
        double total = cumulative[cumulative.length - 1];
        double r = rnd.nextDouble(total);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double su = Math.sqrt(rnd.nextDouble());
        double w = rnd.nextDouble();
        double ba = 1 - su, bb = su * (1 - w), bc = su * w;
        int a = 3 * f[3 * lo], b = 3 * f[3 * lo + 1], c = 3 * f[3 * lo + 2];
        for (int k = 0; k < 3; k++) {
            out[3 * i + k] = (float) (ba * v[a + k] + bb * v[b + k] + bc * v[c + k]);
        }
    }
}
