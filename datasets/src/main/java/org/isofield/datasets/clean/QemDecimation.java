package org.isofield.datasets.clean;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Quadric-error decimation ("Surface simplification using quadric error metrics", Garland and Heckbert 1997): every
 * vertex starts with the quadric of its faces' planes (unweighted, so the error is a sum of squared distances in
 * world units), every edge is a candidate collapse to the point that minimises the sum of its endpoints' quadrics
 * (or, where that system is near singular or its solution strays more than an edge length away, the cheaper of the
 * endpoints and the midpoint), and the cheapest collapses are made first ({@link EdgeHeap}) until the face target
 * or the error limit of {@link DecimateConfig} is reached.
 *
 * <p>A collapse is made only when the mesh stays a manifold of the same shape: the endpoints' common neighbours are
 * exactly the far corners of the edge's two faces (the link condition of Dey et al. 1999), neither far corner is
 * left with fewer than three faces, and no face around the edge turns by more than about 78 degrees or loses its
 * area ({@link #MIN_TURN_COSINE}), which rules out flipped faces. Boundaries are preserved: an edge between two
 * boundary vertices (on an edge with one face, or more than two) never collapses, and an edge from a boundary vertex
 * collapses onto it. Pairs not joined by an edge are never merged, so components and genus are kept. When the heap
 * runs dry before the target (collapses refused once may become possible after their neighbourhood changed), every
 * edge is pushed again, until a round makes no collapse. Single-threaded and deterministic (ties by push order).
 * Time O(F log F); memory about 150 bytes per face. Faces are dropped two at a time, so a target of a parity the
 * mesh cannot reach ends one face below it.
 */
public final class QemDecimation implements CleanStep {
    /** The smallest cosine between a face's normal before and after a collapse (about 78 degrees). */
    public static final double MIN_TURN_COSINE = 0.2;

    private final DecimateConfig config;

    public QemDecimation(DecimateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The mesh decimated to at most {@code faces} faces (within one, see the class comment). */
    public static TriangleMesh toFaces(TriangleMesh mesh, int faces) {
        return new QemDecimation(DecimateConfig.toFaces(faces, 0)).apply(mesh, null).mesh();
    }

    @Override
    public Result apply(TriangleMesh mesh, PointCloud cloud) {
        int target = config.targetFor(mesh.faceCount());
        double maxError = config.maxError() > 0 ? config.maxError() : Double.POSITIVE_INFINITY;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target_faces", target);
        if (mesh.faceCount() <= target || mesh.faceCount() == 0) {
            details.put("collapses", 0);
            return new Result(mesh, details);
        }
        long t0 = System.nanoTime();
        Collapser c = new Collapser(mesh);
        int collapses = c.run(target, maxError * maxError);
        details.put("collapses", collapses);
        details.put("max_collapse_error", Math.sqrt(c.maxCost));
        details.put("stopped_by", c.faces <= target ? "target_faces" : c.errorStop ? "max_error" : "no_collapse_left");
        details.put("seconds", Math.round((System.nanoTime() - t0) * 1e-6) / 1e3);
        return new Result(c.result(mesh), details);
    }

    /** The mutable mesh of one decimation. */
    private static final class Collapser {
        private final double[] p;
        private final int[] f;
        private final boolean[] faceDead;
        private final int[][] vf;
        private final int[] vfn;
        private final double[] q;
        private final int[] version;
        private final boolean[] dead;
        private final boolean[] boundary;
        private final int[] mark;
        private final double[] cx = new double[3];
        private final double[] sum = new double[Quadric.STRIDE];
        private final double[] opt = new double[3];
        private final EdgeHeap heap = new EdgeHeap();
        private int stamp;
        int faces;
        double maxCost;
        boolean errorStop;

        Collapser(TriangleMesh mesh) {
            int nv = mesh.vertexCount();
            Aabb b = mesh.bounds();
            cx[0] = (b.minX() + b.maxX()) / 2 - mesh.origin().x();
            cx[1] = (b.minY() + b.maxY()) / 2 - mesh.origin().y();
            cx[2] = (b.minZ() + b.maxZ()) / 2 - mesh.origin().z();
            float[] v = mesh.vertices();
            p = new double[3 * nv];
            for (int i = 0; i < 3 * nv; i++) {
                p[i] = v[i] - cx[i % 3];
            }
            f = mesh.faces().clone();
            faces = f.length / 3;
            faceDead = new boolean[faces];
            vfn = new int[nv];
            for (int x : f) {
                vfn[x]++;
            }
            vf = new int[nv][];
            for (int i = 0; i < nv; i++) {
                vf[i] = new int[vfn[i]];
                vfn[i] = 0;
            }
            q = new double[Quadric.STRIDE * nv];
            for (int t = 0; t < faces; t++) {
                double[] n = normal(f[3 * t], f[3 * t + 1], f[3 * t + 2]);
                double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                for (int k = 0; k < 3; k++) {
                    int x = f[3 * t + k];
                    vf[x][vfn[x]++] = t;
                    if (len > 0) {
                        double d = -(n[0] * p[3 * x] + n[1] * p[3 * x + 1] + n[2] * p[3 * x + 2]) / len;
                        Quadric.addPlane(q, x, n[0] / len, n[1] / len, n[2] / len, d);
                    }
                }
            }
            boundary = MeshEdges.of(nv, f).boundary;
            version = new int[nv];
            dead = new boolean[nv];
            mark = new int[nv];
        }

        int run(int target, double maxCost2) {
            int collapses = 0;
            int round = -1;
            while (faces > target && round != collapses) {
                round = collapses;
                pushAll();
                while (faces > target) {
                    int slot = heap.pop();
                    if (slot < 0) {
                        break;
                    }
                    int a = heap.u(slot);
                    int b = heap.v(slot);
                    if (dead[a] || dead[b] || heap.versionU(slot) != version[a] || heap.versionV(slot) != version[b]) {
                        continue;
                    }
                    double cost = heap.lastCost();
                    if (cost > maxCost2) {
                        errorStop = true;
                        return collapses;
                    }
                    place(a, b);
                    int keep = boundary[a] ? a : boundary[b] ? b : Math.min(a, b);
                    int gone = keep == a ? b : a;
                    if (!linkHolds(a, b) || folds(a, b) || folds(b, a)) {
                        continue;
                    }
                    collapse(keep, gone);
                    maxCost = Math.max(maxCost, cost);
                    collapses++;
                }
            }
            return collapses;
        }

        private void pushAll() {
            for (int t = 0; t < faceDead.length; t++) {
                if (!faceDead[t]) {
                    for (int k = 0; k < 3; k++) {
                        int a = f[3 * t + k];
                        int b = f[3 * t + (k + 1) % 3];
                        // an interior edge runs both ways, once low to high; boundary edges never collapse
                        if (a < b) {
                            push(a, b);
                        }
                    }
                }
            }
        }

        private void push(int a, int b) {
            if (boundary[a] && boundary[b]) {
                return;
            }
            double cost = place(a, b);
            heap.push((float) cost, a, b, version[a], version[b]);
        }

        /** Puts the collapse point of edge {@code a b} into {@link #opt} and returns its error. */
        private double place(int a, int b) {
            Quadric.sum(q, a, b, sum);
            if (boundary[a] || boundary[b]) {
                int k = boundary[a] ? a : b;
                System.arraycopy(p, 3 * k, opt, 0, 3);
                return Quadric.error(sum, opt[0], opt[1], opt[2]);
            }
            double mx = (p[3 * a] + p[3 * b]) / 2, my = (p[3 * a + 1] + p[3 * b + 1]) / 2;
            double mz = (p[3 * a + 2] + p[3 * b + 2]) / 2;
            double dx = p[3 * a] - p[3 * b], dy = p[3 * a + 1] - p[3 * b + 1], dz = p[3 * a + 2] - p[3 * b + 2];
            double len2 = dx * dx + dy * dy + dz * dz;
            if (Quadric.optimum(sum, opt)) {
                double ox = opt[0] - mx, oy = opt[1] - my, oz = opt[2] - mz;
                if (ox * ox + oy * oy + oz * oz <= len2) {
                    return Quadric.error(sum, opt[0], opt[1], opt[2]);
                }
            }
            double ea = Quadric.error(sum, p[3 * a], p[3 * a + 1], p[3 * a + 2]);
            double eb = Quadric.error(sum, p[3 * b], p[3 * b + 1], p[3 * b + 2]);
            double em = Quadric.error(sum, mx, my, mz);
            if (em <= ea && em <= eb) {
                opt[0] = mx;
                opt[1] = my;
                opt[2] = mz;
                return em;
            }
            int k = ea <= eb ? a : b;
            System.arraycopy(p, 3 * k, opt, 0, 3);
            return Math.min(ea, eb);
        }

        /** The link condition, and no far corner of the edge's faces left with under three faces. */
        private boolean linkHolds(int a, int b) {
            stamp += 2;
            int shared = 0;
            for (int j = 0; j < vfn[a]; j++) {
                int t = vf[a][j];
                boolean withB = false;
                for (int k = 0; k < 3; k++) {
                    mark[f[3 * t + k]] = stamp;
                    withB |= f[3 * t + k] == b;
                }
                if (withB) {
                    shared++;
                    int c = f[3 * t] + f[3 * t + 1] + f[3 * t + 2] - a - b;
                    if (vfn[c] <= 3) {
                        return false;
                    }
                }
            }
            if (shared != 2) {
                return false;
            }
            int common = 0;
            for (int j = 0; j < vfn[b]; j++) {
                int t = vf[b][j];
                for (int k = 0; k < 3; k++) {
                    int w = f[3 * t + k];
                    if (w != a && w != b && mark[w] == stamp) {
                        mark[w] = stamp + 1;
                        common++;
                    }
                }
            }
            return common == 2;
        }

        /** Whether moving {@code a} to {@link #opt} turns or flattens one of its faces that does not hold {@code b}. */
        private boolean folds(int a, int b) {
            for (int j = 0; j < vfn[a]; j++) {
                int t = vf[a][j];
                int x = f[3 * t], y = f[3 * t + 1], z = f[3 * t + 2];
                if (x == b || y == b || z == b) {
                    continue;
                }
                // the face as a, then its next two corners: the same orientation
                int u = x == a ? y : y == a ? z : x;
                int w = x == a ? z : y == a ? x : y;
                double ux = p[3 * u] - p[3 * a], uy = p[3 * u + 1] - p[3 * a + 1], uz = p[3 * u + 2] - p[3 * a + 2];
                double wx = p[3 * w] - p[3 * a], wy = p[3 * w + 1] - p[3 * a + 1], wz = p[3 * w + 2] - p[3 * a + 2];
                double bx = uy * wz - uz * wy, by = uz * wx - ux * wz, bz = ux * wy - uy * wx;
                ux = p[3 * u] - opt[0];
                uy = p[3 * u + 1] - opt[1];
                uz = p[3 * u + 2] - opt[2];
                wx = p[3 * w] - opt[0];
                wy = p[3 * w + 1] - opt[1];
                wz = p[3 * w + 2] - opt[2];
                double ax = uy * wz - uz * wy, ay = uz * wx - ux * wz, az = ux * wy - uy * wx;
                double nb = bx * bx + by * by + bz * bz;
                double na = ax * ax + ay * ay + az * az;
                double d = bx * ax + by * ay + bz * az;
                if (!(na > 1e-12 * nb) || d <= 0 || d * d < MIN_TURN_COSINE * MIN_TURN_COSINE * nb * na) {
                    return true;
                }
            }
            return false;
        }

        private void collapse(int keep, int gone) {
            System.arraycopy(opt, 0, p, 3 * keep, 3);
            Quadric.addTo(q, keep, gone);
            int[] merged = new int[vfn[keep] + vfn[gone]];
            int n = 0;
            for (int j = 0; j < vfn[gone]; j++) {
                int t = vf[gone][j];
                int x = f[3 * t], y = f[3 * t + 1], z = f[3 * t + 2];
                if (x == keep || y == keep || z == keep) {
                    faceDead[t] = true;
                    faces--;
                    int c = x + y + z - keep - gone;
                    remove(c, t);
                } else {
                    for (int k = 0; k < 3; k++) {
                        if (f[3 * t + k] == gone) {
                            f[3 * t + k] = keep;
                        }
                    }
                    merged[n++] = t;
                }
            }
            for (int j = 0; j < vfn[keep]; j++) {
                if (!faceDead[vf[keep][j]]) {
                    merged[n++] = vf[keep][j];
                }
            }
            vf[keep] = merged;
            vfn[keep] = n;
            vf[gone] = null;
            vfn[gone] = 0;
            dead[gone] = true;
            version[keep]++;
            version[gone]++;
            stamp += 2;
            for (int j = 0; j < n; j++) {
                int t = merged[j];
                for (int k = 0; k < 3; k++) {
                    int w = f[3 * t + k];
                    if (w != keep && mark[w] != stamp) {
                        mark[w] = stamp;
                        push(Math.min(keep, w), Math.max(keep, w));
                    }
                }
            }
        }

        private void remove(int c, int t) {
            int[] list = vf[c];
            for (int j = 0; j < vfn[c]; j++) {
                if (list[j] == t) {
                    list[j] = list[--vfn[c]];
                    return;
                }
            }
        }

        /** The normal (not unit) of face {@code x y z}. */
        private double[] normal(int x, int y, int z) {
            double ux = p[3 * y] - p[3 * x], uy = p[3 * y + 1] - p[3 * x + 1], uz = p[3 * y + 2] - p[3 * x + 2];
            double wx = p[3 * z] - p[3 * x], wy = p[3 * z + 1] - p[3 * x + 1], wz = p[3 * z + 2] - p[3 * x + 2];
            return new double[] {uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx};
        }

        TriangleMesh result(TriangleMesh mesh) {
            int[] out = new int[3 * faces];
            int n = 0;
            for (int t = 0; t < faceDead.length; t++) {
                if (!faceDead[t]) {
                    System.arraycopy(f, 3 * t, out, n, 3);
                    n += 3;
                }
            }
            float[] v = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                v[i] = (float) (p[i] + cx[i % 3]);
            }
            return CleanStep.compact(v, out, null, mesh.origin());
        }
    }

}
