package org.isofield.render.scene;

import org.isofield.datasets.geom.TriangleMesh;

/**
 * Per-vertex normals of a mesh for smooth shading: the area-weighted sum of the normals of the faces around each
 * vertex (the cross product of two edges), normalised. Vertices in no face, or only in degenerate faces, get a zero
 * normal, which the shaders replace by the flat face normal. O(V + F), one pass.
 */
public final class VertexNormals {
    private VertexNormals() {
    }

    /** The mesh's own normals when it has them, otherwise computed ones ({@code float[3V]}). */
    public static float[] of(TriangleMesh mesh) {
        return mesh.hasNormals() ? mesh.normals() : compute(mesh.vertices(), mesh.faces());
    }

    /** Area-weighted vertex normals of {@code faces} over {@code vertices}; unit length or zero. */
    public static float[] compute(float[] vertices, int[] faces) {
        double[] acc = new double[vertices.length];
        for (int f = 0; f < faces.length; f += 3) {
            int a = 3 * faces[f], b = 3 * faces[f + 1], c = 3 * faces[f + 2];
            double ux = vertices[b] - vertices[a], uy = vertices[b + 1] - vertices[a + 1], uz = vertices[b
                    + 2] - vertices[a + 2];
            double vx = vertices[c] - vertices[a], vy = vertices[c + 1] - vertices[a + 1], vz = vertices[c
                    + 2] - vertices[a + 2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            for (int v : new int[] {a, b, c}) {
                acc[v] += nx;
                acc[v + 1] += ny;
                acc[v + 2] += nz;
            }
        }
        float[] out = new float[vertices.length];
        for (int i = 0; i < out.length; i += 3) {
            double len = Math.sqrt(acc[i] * acc[i] + acc[i + 1] * acc[i + 1] + acc[i + 2] * acc[i + 2]);
            if (len > 0) {
                out[i] = (float) (acc[i] / len);
                out[i + 1] = (float) (acc[i + 1] / len);
                out[i + 2] = (float) (acc[i + 2] / len);
            }
        }
        return out;
    }
}
