package org.isofield.reconstruction.neuralpull;

import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.fields.train.NeuralField;

/**
 * Vertex normals from the neural field's own gradient, replacing the marching-cubes builder's (which come from the
 * trilinear interpolant of the samples). The builder has already turned the faces outward, so its normals tell which
 * way the field increases relative to the outside: if the field's gradient mostly disagrees with them, the field is
 * positive inside and its gradients are negated.
 */
final class FieldNormals {
    private FieldNormals() {
    }

    /**
     * @param mesh the mesh in the field's unit-cube frame
     * @param flipped whether the field is positive inside (its gradient points inward)
     */
    record Result(TriangleMesh mesh, boolean flipped) {
    }

    /** The field's spatial gradient at {@code n} points ({@code 3n} out), on the CPU or a device. */
    @FunctionalInterface
    interface Gradients {
        void at(float[] xyz, int n, float[] out);
    }

    static Result of(NeuralField field, TriangleMesh mesh) {
        return of((xyz, n, out) -> NeuralLattice.fieldGradients(field, xyz, n, out), mesh);
    }

    static Result of(Gradients gradients, TriangleMesh mesh) {
        int n = mesh.vertexCount();
        float[] v = mesh.vertices();
        Vec3d o = mesh.origin();
        float[] xyz = new float[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = (float) (o.x() + v[3 * i]);
            xyz[3 * i + 1] = (float) (o.y() + v[3 * i + 1]);
            xyz[3 * i + 2] = (float) (o.z() + v[3 * i + 2]);
        }
        float[] g = new float[3 * n];
        gradients.at(xyz, n, g);
        float[] old = mesh.normals();
        double agree = 0;
        for (int i = 0; i < n; i++) {
            agree += g[3 * i] * old[3 * i] + g[3 * i + 1] * old[3 * i + 1] + g[3 * i + 2] * old[3 * i + 2] >= 0 ? 1
                    : -1;
        }
        boolean flipped = agree < 0;
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double gx = g[3 * i];
            double gy = g[3 * i + 1];
            double gz = g[3 * i + 2];
            double len = Math.sqrt(gx * gx + gy * gy + gz * gz);
            if (!(len > 0) || !Double.isFinite(len)) {
                System.arraycopy(old, 3 * i, out, 3 * i, 3);
                continue;
            }
            double s = (flipped ? -1 : 1) / len;
            out[3 * i] = (float) (gx * s);
            out[3 * i + 1] = (float) (gy * s);
            out[3 * i + 2] = (float) (gz * s);
        }
        return new Result(mesh.withNormals(out), flipped);
    }
}
