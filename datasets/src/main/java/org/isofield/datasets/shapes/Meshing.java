package org.isofield.datasets.shapes;

import org.isofield.core.Check;

/** Small helpers shared by the shape meshers. Stateless. */
final class Meshing {
    private Meshing() {
    }

    /**
     * Writes quad {@code abcd} (counter-clockwise seen from outside) as two triangles split along its shorter
     * diagonal, at {@code faces[at]}; returns the next write position.
     */
    static int quad(int[] faces, int at, float[] vertices, int a, int b, int c, int d) {
        if (dist2(vertices, a, c) <= dist2(vertices, b, d)) {
            return put(faces, put(faces, at, a, b, c), a, c, d);
        }
        return put(faces, put(faces, at, a, b, d), b, c, d);
    }

    static int put(int[] faces, int at, int a, int b, int c) {
        faces[at] = a;
        faces[at + 1] = b;
        faces[at + 2] = c;
        return at + 3;
    }

    private static double dist2(float[] v, int a, int b) {
        double dx = v[3 * a] - v[3 * b], dy = v[3 * a + 1] - v[3 * b + 1], dz = v[3 * a + 2] - v[3 * b + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Edge length for meshing a shape at {@code resolution} segments across the longest side of its bounds. */
    static double edge(AnalyticShape shape, int resolution) {
        Check.range("resolution", resolution, 1, 1 << 16);
        return shape.bounds().longestSide() / resolution;
    }
}
