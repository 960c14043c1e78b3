package org.isofield.datasets.index;

/**
 * A cache-friendly processing order for batch queries of a spatial index (the KD-tree's, the point winding
 * number's): a counting sort of the queries by the Morton code of their cell in a {@value #CELLS_PER_AXIS}^3 grid
 * over a box (the tree's bounds, or the queries' own; queries outside are clamped to the border cells),
 * so consecutive queries walk the same parts of the tree. The order changes only which query is answered when; each
 * answer is independent of it. O(M + 2^18) time, stable, deterministic.
 */
public final class QueryOrder {
    static final int BITS = 6;
    static final int CELLS_PER_AXIS = 1 << BITS;
    /** Below this many queries the batch runs in the caller's order. */
    public static final int MIN_QUERIES = 8192;

    private QueryOrder() {
    }

    /**
     * Query indices in Morton order over the box of the queries themselves, or null when there are too few to gain
     * from reordering.
     */
    public static int[] of(float[] queries) {
        float[] box = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE,
            -Float.MAX_VALUE};
        for (int i = 0; i < queries.length; i++) {
            int a = i % 3;
            box[a] = Math.min(box[a], queries[i]);
            box[a + 3] = Math.max(box[a + 3], queries[i]);
        }
        return of(queries, box);
    }

    /**
     * Query indices in Morton order over {@code rootBox} (min x y z, max x y z), or null when {@code queries} is too
     * small to gain from reordering.
     */
    public static int[] of(float[] queries, float[] rootBox) {
        int m = queries.length / 3;
        if (m < MIN_QUERIES) {
            return null;
        }
        float sx = scale(rootBox[0], rootBox[3]);
        float sy = scale(rootBox[1], rootBox[4]);
        float sz = scale(rootBox[2], rootBox[5]);
        int[] code = new int[m];
        int[] start = new int[(1 << (3 * BITS)) + 1];
        for (int q = 0; q < m; q++) {
            int c = spread(cell(queries[3 * q], rootBox[0], sx)) | spread(cell(queries[3 * q + 1], rootBox[1], sy)) << 1
                    | spread(cell(queries[3 * q + 2], rootBox[2], sz)) << 2;
            code[q] = c;
            start[c + 1]++;
        }
        for (int c = 1; c < start.length; c++) {
            start[c] += start[c - 1];
        }
        int[] order = new int[m];
        for (int q = 0; q < m; q++) {
            order[start[code[q]]++] = q;
        }
        return order;
    }

    private static float scale(float lo, float hi) {
        float extent = hi - lo;
        return extent > 0 ? CELLS_PER_AXIS / extent : 0f;
    }

    private static int cell(float v, float lo, float scale) {
        float t = (v - lo) * scale;
        return t <= 0 ? 0 : (t >= CELLS_PER_AXIS - 1 ? CELLS_PER_AXIS - 1 : (int) t);
    }

    /** Spreads the low {@value #BITS} bits of {@code v} to every third bit. */
    private static int spread(int v) {
        int r = 0;
        for (int b = 0; b < BITS; b++) {
            r |= ((v >>> b) & 1) << (3 * b);
        }
        return r;
    }
}
