package org.isofield.datasets.testing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.isofield.datasets.geom.TriangleMesh;

/** Small meshes built in code for tests: cube, icosphere, torus, and edits (drop, flip, join, soup). */
public final class TestMeshes {
    private TestMeshes() {
    }

    /** The unit cube [0,1]^3: 8 vertices (index x + 2y + 4z), 12 faces, counter-clockwise seen from outside. */
    public static TriangleMesh cube() {
        float[] v = new float[24];
        for (int i = 0; i < 8; i++) {
            v[3 * i] = i & 1;
            v[3 * i + 1] = (i >> 1) & 1;
            v[3 * i + 2] = (i >> 2) & 1;
        }
        int[] f = {
            0, 2, 3, 0, 3, 1, // z = 0
            4, 5, 7, 4, 7, 6, // z = 1
            0, 1, 5, 0, 5, 4, // y = 0
            2, 6, 7, 2, 7, 3, // y = 1
            0, 4, 6, 0, 6, 2, // x = 0
            1, 3, 7, 1, 7, 5, // x = 1
        };
        return TriangleMesh.of(v, f);
    }

    /** An icosahedron subdivided {@code levels} times, projected on the sphere of {@code radius} about the origin. */
    public static TriangleMesh icosphere(int levels, double radius) {
        double t = (1 + Math.sqrt(5)) / 2;
        double[][] base = {{-1, t, 0}, {1, t, 0}, {-1, -t, 0}, {1, -t, 0}, {0, -1, t}, {0, 1, t}, {0, -1, -t},
            {0, 1, -t}, {t, 0, -1}, {t, 0, 1}, {-t, 0, -1}, {-t, 0, 1}};
        int[] faces = {0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4, 11, 10, 2, 10, 7, 6, 7, 1, 8,
            3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9, 4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1};
        double[] v = new double[3 * 12];
        for (int i = 0; i < 12; i++) {
            System.arraycopy(base[i], 0, v, 3 * i, 3);
        }
        int nv = 12;
        for (int level = 0; level < levels; level++) {
            Map<Long, Integer> mid = new HashMap<>();
            int[] next = new int[faces.length * 4];
            v = Arrays.copyOf(v, 3 * (nv + faces.length / 2));
            for (int i = 0; i < faces.length; i += 3) {
                int a = faces[i], b = faces[i + 1], c = faces[i + 2];
                int[] m = new int[3];
                int[][] sides = {{a, b}, {b, c}, {c, a}};
                for (int s = 0; s < 3; s++) {
                    int p = sides[s][0], q = sides[s][1];
                    long key = ((long) Math.min(p, q) << 32) | Math.max(p, q);
                    Integer id = mid.get(key);
                    if (id == null) {
                        id = nv++;
                        for (int k = 0; k < 3; k++) {
                            v[3 * id + k] = 0.5 * (v[3 * p + k] + v[3 * q + k]);
                        }
                        mid.put(key, id);
                    }
                    m[s] = id;
                }
                int o = 4 * i;
                int[] quad = {a, m[0], m[2], m[0], b, m[1], m[2], m[1], c, m[0], m[1], m[2]};
                System.arraycopy(quad, 0, next, o, 12);
            }
            faces = next;
        }
        float[] out = new float[3 * nv];
        for (int i = 0; i < nv; i++) {
            double len = Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = (float) (radius * v[3 * i + k] / len);
            }
        }
        return TriangleMesh.of(out, faces);
    }

    /** A torus about the z axis as an {@code nu x nv} grid of quads (two triangles each), wrapping both ways. */
    public static TriangleMesh torus(int nu, int nv, double major, double minor) {
        float[] v = new float[3 * nu * nv];
        int[] f = new int[6 * nu * nv];
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nv; j++) {
                double u = 2 * Math.PI * i / nu, w = 2 * Math.PI * j / nv;
                int k = i * nv + j;
                v[3 * k] = (float) ((major + minor * Math.cos(w)) * Math.cos(u));
                v[3 * k + 1] = (float) ((major + minor * Math.cos(w)) * Math.sin(u));
                v[3 * k + 2] = (float) (minor * Math.sin(w));
                int a = k, b = ((i + 1) % nu) * nv + j, c = ((i + 1) % nu) * nv + (j + 1) % nv, d = i * nv + (j
                        + 1) % nv;
                System.arraycopy(new int[] {a, b, c, a, c, d}, 0, f, 6 * k, 6);
            }
        }
        return TriangleMesh.of(v, f);
    }

    /** The mesh without face {@code face}. */
    public static TriangleMesh withoutFace(TriangleMesh m, int face) {
        int[] f = new int[m.faces().length - 3];
        System.arraycopy(m.faces(), 0, f, 0, 3 * face);
        System.arraycopy(m.faces(), 3 * face + 3, f, 3 * face, f.length - 3 * face);
        return TriangleMesh.of(m.vertices(), f, null, m.origin());
    }

    /** The mesh with face {@code face} reversed. */
    public static TriangleMesh withFlippedFace(TriangleMesh m, int face) {
        int[] f = m.faces().clone();
        int t = f[3 * face + 1];
        f[3 * face + 1] = f[3 * face + 2];
        f[3 * face + 2] = t;
        return TriangleMesh.of(m.vertices(), f, null, m.origin());
    }

    /** The mesh with extra vertices and faces appended (faces index the combined vertex list). */
    public static TriangleMesh withExtra(TriangleMesh m, float[] extraVertices, int[] extraFaces) {
        float[] v = Arrays.copyOf(m.vertices(), m.vertices().length + extraVertices.length);
        System.arraycopy(extraVertices, 0, v, m.vertices().length, extraVertices.length);
        int[] f = Arrays.copyOf(m.faces(), m.faces().length + extraFaces.length);
        System.arraycopy(extraFaces, 0, f, m.faces().length, extraFaces.length);
        return TriangleMesh.of(v, f, null, m.origin());
    }

    /** Both meshes in one (same origin assumed), the second translated by {@code (dx, dy, dz)}. */
    public static TriangleMesh join(TriangleMesh a, TriangleMesh b, float dx, float dy, float dz) {
        float[] bv = b.vertices().clone();
        for (int i = 0; i < bv.length; i += 3) {
            bv[i] += dx;
            bv[i + 1] += dy;
            bv[i + 2] += dz;
        }
        int[] bf = b.faces().clone();
        for (int i = 0; i < bf.length; i++) {
            bf[i] += a.vertexCount();
        }
        return withExtra(a, bv, bf);
    }

    /** A triangle soup: every face gets its own three copies of its vertices. */
    public static TriangleMesh soup(TriangleMesh m) {
        int[] f = m.faces();
        float[] v = new float[3 * f.length];
        int[] g = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            System.arraycopy(m.vertices(), 3 * f[i], v, 3 * i, 3);
            g[i] = i;
        }
        return TriangleMesh.of(v, g, null, m.origin());
    }

    /** Total area, in double. */
    public static double area(TriangleMesh m) {
        float[] v = m.vertices();
        int[] f = m.faces();
        double s = 0;
        for (int i = 0; i < f.length; i += 3) {
            int a = 3 * f[i], b = 3 * f[i + 1], c = 3 * f[i + 2];
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            s += 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
        }
        return s;
    }
}
