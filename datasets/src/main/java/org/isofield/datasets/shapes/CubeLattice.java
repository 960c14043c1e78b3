package org.isofield.datasets.shapes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Meshes a rounded box (an inner box {@code [-a, a]} grown by a radius {@code R}) as the surface of a subdivided
 * cube whose lattice points are mapped onto the shape, so the mesh is watertight and consistently oriented by
 * construction, with no welding.
 *
 * <p>Each axis has samples {@code i = 0..n}, each an inner coordinate {@code c_i} and a direction component
 * {@code d_i}: a flat part where {@code c} runs linearly over {@code [-a, a]} with {@code d = 0}, and on each side a
 * rounded part with {@code c = +-a} and {@code d = +-tan(theta)}, {@code theta} in {@code [0, pi/4]}. Lattice point
 * {@code (i, j, k)} on the cube's surface maps to {@code c + R * normalize(d)}; the inner point is then the closest
 * point of the inner box, so every vertex lies at distance exactly {@code R} from it (on the surface). A sphere is
 * {@code a = 0} (the equal-angle cube sphere), a capsule {@code a = (0, 0, h)}. Time and memory O(vertices).
 */
final class CubeLattice {
    private final double[][] inner = new double[3][];
    private final double[][] dir = new double[3][];
    private final int[] n = new int[3];
    private final double radius;

    /**
     * @param half   inner half extents {@code a}, each 0 or more
     * @param radius rounding radius, above 0
     * @param edge   target edge length, above 0
     */
    CubeLattice(double[] half, double radius, double edge) {
        this.radius = radius;
        int m = Math.max(1, (int) Math.ceil(radius * Math.PI / 4 / edge));
        for (int a = 0; a < 3; a++) {
            int k = half[a] > 0 ? Math.max(1, (int) Math.ceil(2 * half[a] / edge)) : 0;
            int segments = 2 * m + k;
            n[a] = segments;
            inner[a] = new double[segments + 1];
            dir[a] = new double[segments + 1];
            int s = 0;
            for (int i = 0; i <= m; i++, s++) {
                inner[a][s] = -half[a];
                dir[a][s] = i == m ? 0 : -Math.tan(Math.PI / 4 * (m - i) / m);
            }
            for (int j = 1; j <= k; j++, s++) {
                inner[a][s] = j == k ? half[a] : -half[a] + 2 * half[a] * j / k;
                dir[a][s] = 0;
            }
            for (int i = 1; i <= m; i++, s++) {
                inner[a][s] = half[a];
                dir[a][s] = i == m ? 1 : Math.tan(Math.PI / 4 * i / m);
            }
        }
    }

    /** The mesh: 6 faces of the lattice, each quad split along its shorter diagonal, outward oriented. */
    TriangleMesh mesh() {
        Map<Long, Integer> index = new HashMap<>();
        int quads = 2 * (n[0] * n[1] + n[1] * n[2] + n[2] * n[0]);
        int[] faces = new int[6 * quads];
        float[] vertices = new float[3 * (quads + 2)];
        int[] counts = new int[2]; // vertices, face ints
        int[] ijk = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3;
            int v = (axis + 2) % 3;
            for (int side = 0; side < 2; side++) {
                ijk[axis] = side == 0 ? 0 : n[axis];
                for (int i = 0; i < n[u]; i++) {
                    for (int j = 0; j < n[v]; j++) {
                        int[] q = new int[4];
                        int[][] corners = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                        for (int c = 0; c < 4; c++) {
                            ijk[u] = corners[c][0];
                            ijk[v] = corners[c][1];
                            q[c] = vertex(ijk, index, vertices, counts);
                        }
                        if (side == 0) {
                            int t = q[1];
                            q[1] = q[3];
                            q[3] = t;
                        }
                        counts[1] = Meshing.quad(faces, counts[1], vertices, q[0], q[1], q[2], q[3]);
                    }
                }
            }
        }
        return TriangleMesh.of(Arrays.copyOf(vertices, 3 * counts[0]), faces);
    }

    private int vertex(int[] ijk, Map<Long, Integer> index, float[] vertices, int[] counts) {
        long key = ((long) ijk[0] * (n[1] + 1) + ijk[1]) * (n[2] + 1) + ijk[2];
        Integer found = index.get(key);
        if (found != null) {
            return found;
        }
        int id = counts[0]++;
        index.put(key, id);
        double dx = dir[0][ijk[0]], dy = dir[1][ijk[1]], dz = dir[2][ijk[2]];
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        vertices[3 * id] = (float) (inner[0][ijk[0]] + radius * dx / len);
        vertices[3 * id + 1] = (float) (inner[1][ijk[1]] + radius * dy / len);
        vertices[3 * id + 2] = (float) (inner[2][ijk[2]] + radius * dz / len);
        return id;
    }
}
