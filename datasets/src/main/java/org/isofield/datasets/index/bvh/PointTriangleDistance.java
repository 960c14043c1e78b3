package org.isofield.datasets.index.bvh;

/**
 * Exact closest point on a triangle to a point, in double precision, by Voronoi-region classification (Ericson,
 * "Real-Time Collision Detection", 2005, section 5.1.5). Degenerate (zero-area) triangles fall back to the closest
 * point on their three edges, so every input gives a finite answer. Stateless and thread-safe; O(1).
 */
final class PointTriangleDistance {
    private PointTriangleDistance() {
    }

    /**
     * Squared distance from {@code p} to triangle {@code abc}; writes the barycentric weights of {@code b} and
     * {@code c} to {@code vw[0]} and {@code vw[1]} (the weight of {@code a} is {@code 1 - v - w}).
     */
    static double closest(double ax, double ay, double az, double bx, double by, double bz,
                          double cx, double cy, double cz, double px, double py, double pz, double[] vw) {
        double abx = bx - ax, aby = by - ay, abz = bz - az;
        double acx = cx - ax, acy = cy - ay, acz = cz - az;
        double apx = px - ax, apy = py - ay, apz = pz - az;
        double d1 = abx * apx + aby * apy + abz * apz;
        double d2 = acx * apx + acy * apy + acz * apz;
        double v;
        double w;
        if (d1 <= 0 && d2 <= 0) {
            v = 0;
            w = 0;
        } else {
            double bpx = px - bx, bpy = py - by, bpz = pz - bz;
            double d3 = abx * bpx + aby * bpy + abz * bpz;
            double d4 = acx * bpx + acy * bpy + acz * bpz;
            double cpx = px - cx, cpy = py - cy, cpz = pz - cz;
            double d5 = abx * cpx + aby * cpy + abz * cpz;
            double d6 = acx * cpx + acy * cpy + acz * cpz;
            double vc = d1 * d4 - d3 * d2;
            double vb = d5 * d2 - d1 * d6;
            double va = d3 * d6 - d5 * d4;
            if (d3 >= 0 && d4 <= d3) {
                v = 1;
                w = 0;
            } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
                if (!(d1 - d3 > 0)) {
                    return edges(abx, aby, abz, acx, acy, acz, apx, apy, apz, vw); // |ab| = 0
                }
                v = d1 / (d1 - d3);
                w = 0;
            } else if (d6 >= 0 && d5 <= d6) {
                v = 0;
                w = 1;
            } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
                if (!(d2 - d6 > 0)) {
                    return edges(abx, aby, abz, acx, acy, acz, apx, apy, apz, vw); // |ac| = 0
                }
                v = 0;
                w = d2 / (d2 - d6);
            } else if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
                double s = (d4 - d3) + (d5 - d6);
                if (!(s > 0)) {
                    return edges(abx, aby, abz, acx, acy, acz, apx, apy, apz, vw); // |bc| = 0
                }
                w = (d4 - d3) / s;
                v = 1 - w;
            } else {
                double denom = va + vb + vc;
                v = vb / denom;
                w = vc / denom;
                if (!(denom > 0) || !(v >= -1e-9 && w >= -1e-9 && v + w <= 1 + 1e-9)) {
                    return edges(abx, aby, abz, acx, acy, acz, apx, apy, apz, vw); // collinear corners
                }
            }
        }
        vw[0] = v;
        vw[1] = w;
        double dx = apx - abx * v - acx * w;
        double dy = apy - aby * v - acy * w;
        double dz = apz - abz * v - acz * w;
        return dx * dx + dy * dy + dz * dz;
    }

    /** Closest point on the three edges, for degenerate triangles; {@code ap} is {@code p - a}. */
    private static double edges(double abx, double aby, double abz,
                                double acx, double acy, double acz, double apx, double apy, double apz, double[] vw) {
        // Edge AB: weights (1 - t, t, 0).
        double t = segment(abx, aby, abz, apx, apy, apz);
        double best = dist2(apx - abx * t, apy - aby * t, apz - abz * t);
        double bv = t;
        double bw = 0;
        // Edge AC: weights (1 - t, 0, t).
        t = segment(acx, acy, acz, apx, apy, apz);
        double d = dist2(apx - acx * t, apy - acy * t, apz - acz * t);
        if (d < best) {
            best = d;
            bv = 0;
            bw = t;
        }
        // Edge BC: from b = a + ab to c = a + ac; weights (0, 1 - t, t).
        double bcx = acx - abx, bcy = acy - aby, bcz = acz - abz;
        double bpx = apx - abx, bpy = apy - aby, bpz = apz - abz;
        t = segment(bcx, bcy, bcz, bpx, bpy, bpz);
        d = dist2(bpx - bcx * t, bpy - bcy * t, bpz - bcz * t);
        if (d < best) {
            best = d;
            bv = 1 - t;
            bw = t;
        }
        vw[0] = bv;
        vw[1] = bw;
        return best;
    }

    /** Parameter in [0, 1] of the point of segment {@code s} (from its start) closest to offset {@code q}. */
    private static double segment(double sx, double sy, double sz, double qx, double qy, double qz) {
        double len2 = sx * sx + sy * sy + sz * sz;
        if (!(len2 > 0)) {
            return 0;
        }
        double t = (sx * qx + sy * qy + sz * qz) / len2;
        return t <= 0 ? 0 : t >= 1 ? 1 : t;
    }

    private static double dist2(double x, double y, double z) {
        return x * x + y * y + z * z;
    }
}
