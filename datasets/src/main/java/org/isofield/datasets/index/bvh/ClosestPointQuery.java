package org.isofield.datasets.index.bvh;

/**
 * Closest-point traversal of a {@link TriangleBvh}: depth first, nearer child first, pruning nodes whose box is no
 * closer than the best triangle so far; triangles are tested exactly with {@link PointTriangleDistance}. Instances
 * hold per-thread scratch (stacks and the last result) and are not thread-safe; make one per thread or per chunk.
 */
final class ClosestPointQuery {
    private final TriangleBvh bvh;
    private final int[] stack;
    private final double[] stackDist;
    private final double[] vw = new double[2];
    /** Result of the last {@link #run}: slot in leaf order, barycentric weights of vertices 1 and 2. */
    int slot;
    double v;
    double w;

    ClosestPointQuery(TriangleBvh bvh) {
        this.bvh = bvh;
        this.stack = new int[bvh.maxDepth + 2];
        this.stackDist = new double[bvh.maxDepth + 2];
    }

    /** Squared distance from local point {@code q} to the surface; sets {@link #slot}, {@link #v}, {@link #w}. */
    double run(double qx, double qy, double qz) {
        float[] b = bvh.bounds;
        int[] nodes = bvh.nodes;
        float[] tris = bvh.tris;
        double best = Double.POSITIVE_INFINITY;
        int bestSlot = -1;
        double bestV = 0;
        double bestW = 0;
        int sp = 0;
        int node = 0;
        while (true) {
            int m = 4 * node;
            int left = nodes[m + 2];
            if (left < 0) {
                int end = nodes[m] + nodes[m + 1];
                for (int t = nodes[m]; t < end; t++) {
                    int o = 9 * t;
                    double d2 = PointTriangleDistance.closest(tris[o], tris[o + 1], tris[o + 2], tris[o + 3], tris[o
                            + 4],
                            tris[o + 5], tris[o + 6], tris[o + 7], tris[o + 8], qx, qy, qz, vw);
                    if (d2 < best) {
                        best = d2;
                        bestSlot = t;
                        bestV = vw[0];
                        bestW = vw[1];
                    }
                }
            } else {
                int right = nodes[m + 3];
                double dl = boxDistance2(b, left, qx, qy, qz);
                double dr = boxDistance2(b, right, qx, qy, qz);
                if (dr < dl) {
                    int tn = left;
                    left = right;
                    right = tn;
                    double td = dl;
                    dl = dr;
                    dr = td;
                }
                if (dl < best) {
                    if (dr < best) {
                        stack[sp] = right;
                        stackDist[sp++] = dr;
                    }
                    node = left;
                    continue;
                }
            }
            node = -1;
            while (sp > 0) {
                sp--;
                if (stackDist[sp] < best) {
                    node = stack[sp];
                    break;
                }
            }
            if (node < 0) {
                break;
            }
        }
        slot = bestSlot;
        v = bestV;
        w = bestW;
        return best;
    }

    /** Squared distance from {@code q} to the box of {@code node} (0 inside). */
    static double boxDistance2(float[] b, int node, double qx, double qy, double qz) {
        int o = 6 * node;
        double dx = Math.max(0, Math.max(b[o] - qx, qx - b[o + 3]));
        double dy = Math.max(0, Math.max(b[o + 1] - qy, qy - b[o + 4]));
        double dz = Math.max(0, Math.max(b[o + 2] - qz, qz - b[o + 5]));
        return dx * dx + dy * dy + dz * dz;
    }
}
