package org.isofield.datasets.index.bvh;

/**
 * Ray traversal of a {@link TriangleBvh}: slab tests on node boxes, nearer child first, and the Möller-Trumbore
 * ray-triangle test (Möller and Trumbore, "Fast, Minimum Storage Ray/Triangle Intersection", 1997) in double
 * precision. Barycentric bounds are widened by {@value #EDGE_TOLERANCE}, so a ray through a shared edge or vertex
 * hits at least one of the triangles there ("watertight-ish"); rays parallel to a triangle's plane miss it. Hits
 * count for {@code t} in {@code [0, tMax]}. Instances hold per-thread scratch and are not thread-safe.
 */
final class RayQuery {
    static final double EDGE_TOLERANCE = 1e-9;

    private final TriangleBvh bvh;
    private final int[] stack;
    private final double[] stackT;
    /** Result of the last {@link #run}: slot in leaf order (-1 for a miss), ray parameter, weights of vertices 1, 2. */
    int slot;
    double t;
    double u;
    double v;

    RayQuery(TriangleBvh bvh) {
        this.bvh = bvh;
        this.stack = new int[bvh.maxDepth + 2];
        this.stackT = new double[bvh.maxDepth + 2];
    }

    /** Casts a ray in local coordinates; with {@code any} it stops at the first hit found (not the nearest). */
    boolean run(double ox, double oy, double oz, double dx, double dy, double dz, double tMax, boolean any) {
        float[] b = bvh.bounds;
        int[] nodes = bvh.nodes;
        float[] tris = bvh.tris;
        double ix = 1.0 / (dx == 0 ? 1e-300 : dx);
        double iy = 1.0 / (dy == 0 ? 1e-300 : dy);
        double iz = 1.0 / (dz == 0 ? 1e-300 : dz);
        double best = tMax;
        slot = -1;
        int sp = 0;
        int node = 0;
        double rootT = enter(b, 0, ox, oy, oz, ix, iy, iz, best);
        if (!(rootT <= best)) {
            return false;
        }
        while (true) {
            int m = 4 * node;
            int left = nodes[m + 2];
            if (left < 0) {
                int end = nodes[m] + nodes[m + 1];
                for (int k = nodes[m]; k < end; k++) {
                    if (triangle(tris, 9 * k, ox, oy, oz, dx, dy, dz, best)) {
                        best = t;
                        slot = k;
                        if (any) {
                            return true;
                        }
                    }
                }
            } else {
                int right = nodes[m + 3];
                double tl = enter(b, left, ox, oy, oz, ix, iy, iz, best);
                double tr = enter(b, right, ox, oy, oz, ix, iy, iz, best);
                if (tr < tl) {
                    int tn = left;
                    left = right;
                    right = tn;
                    double tt = tl;
                    tl = tr;
                    tr = tt;
                }
                if (tl <= best) {
                    if (tr <= best) {
                        stack[sp] = right;
                        stackT[sp++] = tr;
                    }
                    node = left;
                    continue;
                }
            }
            node = -1;
            while (sp > 0) {
                sp--;
                if (stackT[sp] <= best) {
                    node = stack[sp];
                    break;
                }
            }
            if (node < 0) {
                break;
            }
        }
        if (slot >= 0) {
            t = best;
            return true;
        }
        return false;
    }

    /** Entry parameter of the ray into the box of {@code node}, or +infinity when it misses within [0, tMax]. */
    private static double enter(float[] b, int node, double ox, double oy, double oz, double ix, double iy, double iz,
                                double tMax) {
        int o = 6 * node;
        double t0 = (b[o] - ox) * ix, t1 = (b[o + 3] - ox) * ix;
        double lo = Math.min(t0, t1), hi = Math.max(t0, t1);
        t0 = (b[o + 1] - oy) * iy;
        t1 = (b[o + 4] - oy) * iy;
        lo = Math.max(lo, Math.min(t0, t1));
        hi = Math.min(hi, Math.max(t0, t1));
        t0 = (b[o + 2] - oz) * iz;
        t1 = (b[o + 5] - oz) * iz;
        lo = Math.max(lo, Math.min(t0, t1));
        hi = Math.min(hi, Math.max(t0, t1));
        lo = Math.max(lo, 0);
        // Widen slightly so that rounding never culls a box the ray grazes.
        hi = Math.min(hi, tMax) + 1e-12 * Math.max(1, Math.abs(hi));
        return lo <= hi ? lo : Double.POSITIVE_INFINITY;
    }

    /** Möller-Trumbore; on a hit with {@code 0 <= t <= tMax} sets {@link #t}, {@link #u}, {@link #v}. */
    boolean triangle(float[] tris, int o, double ox, double oy, double oz, double dx, double dy, double dz,
            double tMax) {
        double ax = tris[o], ay = tris[o + 1], az = tris[o + 2];
        double e1x = tris[o + 3] - ax, e1y = tris[o + 4] - ay, e1z = tris[o + 5] - az;
        double e2x = tris[o + 6] - ax, e2y = tris[o + 7] - ay, e2z = tris[o + 8] - az;
        double px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        double det = e1x * px + e1y * py + e1z * pz;
        if (det == 0 || !Double.isFinite(det)) {
            return false;
        }
        double inv = 1.0 / det;
        double sx = ox - ax, sy = oy - ay, sz = oz - az;
        double uu = (sx * px + sy * py + sz * pz) * inv;
        if (uu < -EDGE_TOLERANCE || uu > 1 + EDGE_TOLERANCE) {
            return false;
        }
        double qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
        double vv = (dx * qx + dy * qy + dz * qz) * inv;
        if (vv < -EDGE_TOLERANCE || uu + vv > 1 + EDGE_TOLERANCE) {
            return false;
        }
        double tt = (e2x * qx + e2y * qy + e2z * qz) * inv;
        if (!(tt >= 0 && tt <= tMax)) {
            return false;
        }
        t = tt;
        u = uu;
        v = vv;
        return true;
    }
}
