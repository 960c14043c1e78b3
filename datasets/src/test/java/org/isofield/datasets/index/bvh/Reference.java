package org.isofield.datasets.index.bvh;

import org.isofield.datasets.geom.TriangleMesh;

/** Brute-force references over all triangles, written independently of the BVH kernels. */
final class Reference {
    private Reference() {
    }

    static double[] corners(TriangleMesh mesh, int t) {
        double[] c = new double[9];
        for (int k = 0; k < 3; k++) {
            int v = mesh.faces()[3 * t + k];
            for (int a = 0; a < 3; a++) {
                c[3 * k + a] = mesh.origin().get(a) + mesh.vertices()[3 * v + a];
            }
        }
        return c;
    }

    /** Distance from p to the triangle: the plane projection when inside, else the nearest edge. */
    static double pointTriangle(double[] c, double px, double py, double pz) {
        double best = Math.min(segment(c, 0, 1, px, py, pz), Math.min(segment(c, 1, 2, px, py, pz), segment(c, 2, 0,
                px, py, pz)));
        double[] n = cross(c[3] - c[0], c[4] - c[1], c[5] - c[2], c[6] - c[0], c[7] - c[1], c[8] - c[2]);
        double len2 = dot(n, n);
        if (len2 > 1e-30) {
            double s = ((px - c[0]) * n[0] + (py - c[1]) * n[1] + (pz - c[2]) * n[2]) / len2;
            double qx = px - s * n[0], qy = py - s * n[1], qz = pz - s * n[2];
            if (inside(c, n, qx, qy, qz, 0)) {
                best = Math.min(best, Math.abs(s) * Math.sqrt(len2));
            }
        }
        return best;
    }

    static double distance(TriangleMesh mesh, double px, double py, double pz) {
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < mesh.faceCount(); t++) {
            best = Math.min(best, pointTriangle(corners(mesh, t), px, py, pz));
        }
        return best;
    }

    /** Nearest ray parameter in [0, tMax] over all triangles, +infinity for none; plane hit then inside test. */
    static double[] raycast(TriangleMesh mesh, double[] o, double[] d, double tMax) {
        double best = Double.POSITIVE_INFINITY;
        int bestT = -1;
        for (int t = 0; t < mesh.faceCount(); t++) {
            double[] c = corners(mesh, t);
            double[] n = cross(c[3] - c[0], c[4] - c[1], c[5] - c[2], c[6] - c[0], c[7] - c[1], c[8] - c[2]);
            double dn = dot(n, d);
            if (dn == 0 || dot(n, n) < 1e-30) {
                continue;
            }
            double s = ((c[0] - o[0]) * n[0] + (c[1] - o[1]) * n[1] + (c[2] - o[2]) * n[2]) / dn;
            if (s < 0 || s > tMax || s >= best) {
                continue;
            }
            if (inside(c, n, o[0] + s * d[0], o[1] + s * d[1], o[2] + s * d[2], 0)) {
                best = s;
                bestT = t;
            }
        }
        return new double[] {best, bestT};
    }

    /** Exact winding number: sum of triangle solid angles by l'Huilier's theorem on the unit sphere. */
    static double windingNumber(TriangleMesh mesh, double px, double py, double pz) {
        double sum = 0;
        for (int t = 0; t < mesh.faceCount(); t++) {
            double[] c = corners(mesh, t);
            double[] a = unit(c[0] - px, c[1] - py, c[2] - pz);
            double[] b = unit(c[3] - px, c[4] - py, c[5] - pz);
            double[] e = unit(c[6] - px, c[7] - py, c[8] - pz);
            if (a == null || b == null || e == null) {
                continue;
            }
            double ta = arc(b, e), tb = arc(e, a), tc = arc(a, b);
            double s = (ta + tb + tc) / 2;
            double q = Math.tan(s / 2) * Math.tan((s - ta) / 2) * Math.tan((s - tb) / 2) * Math.tan((s - tc) / 2);
            double omega = 4 * Math.atan(Math.sqrt(Math.max(0, q)));
            double sign = Math.signum(dot(a, cross(b[0], b[1], b[2], e[0], e[1], e[2])));
            sum += sign * omega;
        }
        return sum / (4 * Math.PI);
    }

    private static double arc(double[] u, double[] v) {
        double[] c = cross(u[0], u[1], u[2], v[0], v[1], v[2]);
        return Math.atan2(Math.sqrt(dot(c, c)), dot(u, v));
    }

    private static double[] unit(double x, double y, double z) {
        double l = Math.sqrt(x * x + y * y + z * z);
        return l > 0 ? new double[] {x / l, y / l, z / l} : null;
    }

    private static boolean inside(double[] c, double[] n, double qx, double qy, double qz, double tol) {
        for (int k = 0; k < 3; k++) {
            int i = 3 * k, j = 3 * ((k + 1) % 3);
            double[] e = cross(c[j] - c[i], c[j + 1] - c[i + 1], c[j + 2] - c[i + 2], qx - c[i], qy - c[i + 1],
                    qz - c[i + 2]);
            if (dot(e, n) < -tol) {
                return false;
            }
        }
        return true;
    }

    private static double segment(double[] c, int i, int j, double px, double py, double pz) {
        double ax = c[3 * i], ay = c[3 * i + 1], az = c[3 * i + 2];
        double sx = c[3 * j] - ax, sy = c[3 * j + 1] - ay, sz = c[3 * j + 2] - az;
        double len2 = sx * sx + sy * sy + sz * sz;
        double t = len2 > 0 ? ((px - ax) * sx + (py - ay) * sy + (pz - az) * sz) / len2 : 0;
        t = Math.max(0, Math.min(1, t));
        double dx = px - ax - t * sx, dy = py - ay - t * sy, dz = pz - az - t * sz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    static double[] cross(double ax, double ay, double az, double bx, double by, double bz) {
        return new double[] {ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
