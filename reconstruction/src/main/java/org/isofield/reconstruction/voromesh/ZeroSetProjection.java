package org.isofield.reconstruction.voromesh;

import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.reconstruction.SignedField;

/**
 * Moves each point onto the field's zero set by Newton steps along the field's gradient
 * ({@code q - f(q) grad f / |grad f|^2}, the gradient by central differences), so VoroLoss fits the field's surface
 * and not the cloud's noise: on blub with noise 0.005 of the diagonal, fitting the raw points gave 1.5x (at 128) and
 * 1.9x (at 64) the Chamfer distance of the field's marching cubes. A point whose step would be longer than
 * {@code maxMove}, or where the gradient vanishes, stays where it was.
 */
final class ZeroSetProjection {
    private static final int STEPS = 2;

    private ZeroSetProjection() {
    }

    /**
     * The projected cloud (world coordinates, relative to the input's origin).
     *
     * @param h the finite-difference step (world units)
     * @param maxMove the longest total move (world units)
     */
    static PointCloud project(PointCloud cloud, SignedField field, double h, double maxMove) {
        int n = cloud.size();
        float[] stored = cloud.positions();
        Vec3d o = cloud.origin();
        double[] q = new double[3 * n];
        for (int i = 0; i < n; i++) {
            q[3 * i] = o.x() + stored[3 * i];
            q[3 * i + 1] = o.y() + stored[3 * i + 1];
            q[3 * i + 2] = o.z() + stored[3 * i + 2];
        }
        double[] start = q.clone();
        double[] probe = new double[21 * n];
        float[] values = new float[7 * n];
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 7; k++) {
                    int at = 21 * i + 3 * k;
                    probe[at] = q[3 * i];
                    probe[at + 1] = q[3 * i + 1];
                    probe[at + 2] = q[3 * i + 2];
                    if (k > 0) {
                        probe[at + (k - 1) / 2] += (k % 2 == 1 ? h : -h);
                    }
                }
            }
            field.evaluate(probe, 7 * n, values);
            for (int i = 0; i < n; i++) {
                double f = values[7 * i];
                double gx = (values[7 * i + 1] - values[7 * i + 2]) / (2 * h);
                double gy = (values[7 * i + 3] - values[7 * i + 4]) / (2 * h);
                double gz = (values[7 * i + 5] - values[7 * i + 6]) / (2 * h);
                double g2 = gx * gx + gy * gy + gz * gz;
                if (!(g2 > 1e-12)) {
                    continue;
                }
                double s = f / g2;
                double nx = q[3 * i] - s * gx, ny = q[3 * i + 1] - s * gy, nz = q[3 * i + 2] - s * gz;
                double dx = nx - start[3 * i], dy = ny - start[3 * i + 1], dz = nz - start[3 * i + 2];
                if (dx * dx + dy * dy + dz * dz <= maxMove * maxMove) {
                    q[3 * i] = nx;
                    q[3 * i + 1] = ny;
                    q[3 * i + 2] = nz;
                }
            }
        }
        float[] out = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            double c = i % 3 == 0 ? o.x() : i % 3 == 1 ? o.y() : o.z();
            out[i] = (float) (q[i] - c);
        }
        return PointCloud.of(out, o);
    }
}
