package org.isofield.datasets.index.bvh;

import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Vec3d;

/**
 * Parallel batch versions of the {@link TriangleBvh} queries over flat {@code float[3N]} inputs: fixed chunks of
 * {@value #GRAIN} queries ({@link Parallel#forChunks}), one scratch object per chunk, results written in place, so
 * the output does not depend on the thread count. {@code shift} maps input coordinates to the BVH's local frame.
 */
final class BatchQueries {
    static final int GRAIN = 512;

    private BatchQueries() {
    }

    /** Number of queries, after checking the input and output lengths. */
    static int count(float[] queries, float[] perQuery, float[] perQuery3, int[] perQueryInt, float[] perQuery3b) {
        Objects.requireNonNull(queries, "queries");
        Check.multipleOf("queries", queries.length, 3);
        int n = queries.length / 3;
        length("outDistance", perQuery, n);
        length("outPoint", perQuery3, 3 * n);
        length("outTriangle", perQueryInt == null ? -1 : perQueryInt.length, n);
        length("outBarycentric", perQuery3b, 3 * n);
        return n;
    }

    private static void length(String name, float[] a, int expected) {
        length(name, a == null ? -1 : a.length, expected);
    }

    private static void length(String name, int length, int expected) {
        if (length >= 0 && length != expected) {
            throw new IllegalArgumentException(name + " has length " + length + "; expected " + expected);
        }
    }

    static void closestPoints(TriangleBvh bvh, float[] q, Vec3d shift, int n, float[] outDistance, float[] outPoint,
                              int[] outTriangle, float[] outBarycentric) {
        double sx = shift.x(), sy = shift.y(), sz = shift.z();
        float[] tris = bvh.tris;
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            ClosestPointQuery query = new ClosestPointQuery(bvh);
            for (int i = start; i < end; i++) {
                double d2 = query.run(sx + q[3 * i], sy + q[3 * i + 1], sz + q[3 * i + 2]);
                if (outDistance != null) {
                    outDistance[i] = (float) Math.sqrt(d2);
                }
                double b0 = 1 - query.v - query.w;
                if (outPoint != null) {
                    int o = 9 * query.slot;
                    for (int a = 0; a < 3; a++) {
                        double p = b0 * tris[o + a] + query.v * tris[o + 3 + a] + query.w * tris[o + 6 + a];
                        outPoint[3 * i + a] = (float) (p - shift.get(a));
                    }
                }
                if (outTriangle != null) {
                    outTriangle[i] = bvh.triIds[query.slot];
                }
                if (outBarycentric != null) {
                    outBarycentric[3 * i] = (float) b0;
                    outBarycentric[3 * i + 1] = (float) query.v;
                    outBarycentric[3 * i + 2] = (float) query.w;
                }
            }
        });
    }

    static void raycasts(TriangleBvh bvh, float[] origins, Vec3d shift, float[] dirs, double tMax, float[] outT,
                         int[] outTriangle, float[] outBarycentric, boolean[] outAny) {
        Objects.requireNonNull(origins, "origins");
        Objects.requireNonNull(dirs, "directions");
        Check.multipleOf("origins", origins.length, 3);
        if (dirs.length != origins.length) {
            throw new IllegalArgumentException("directions has length " + dirs.length + "; expected " + origins.length);
        }
        int n = origins.length / 3;
        length("outT", outT, n);
        length("outTriangle", outTriangle == null ? -1 : outTriangle.length, n);
        length("outBarycentric", outBarycentric, 3 * n);
        length("out", outAny == null ? -1 : outAny.length, n);
        double sx = shift.x(), sy = shift.y(), sz = shift.z();
        boolean any = outAny != null;
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            RayQuery query = new RayQuery(bvh);
            for (int i = start; i < end; i++) {
                boolean hit = query.run(sx + origins[3 * i], sy + origins[3 * i + 1], sz + origins[3 * i + 2],
                        dirs[3 * i], dirs[3 * i + 1], dirs[3 * i + 2], tMax, any);
                if (any) {
                    outAny[i] = hit;
                    continue;
                }
                if (outT != null) {
                    outT[i] = hit ? (float) query.t : Float.POSITIVE_INFINITY;
                }
                if (outTriangle != null) {
                    outTriangle[i] = hit ? bvh.triIds[query.slot] : -1;
                }
                if (outBarycentric != null) {
                    outBarycentric[3 * i] = hit ? (float) (1 - query.u - query.v) : 0f;
                    outBarycentric[3 * i + 1] = hit ? (float) query.u : 0f;
                    outBarycentric[3 * i + 2] = hit ? (float) query.v : 0f;
                }
            }
        });
    }

    static void windingNumbers(TriangleBvh bvh, float[] q, Vec3d shift, double beta, float[] out) {
        int n = count(q, Objects.requireNonNull(out, "out"), null, null, null);
        double sx = shift.x(), sy = shift.y(), sz = shift.z();
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            int[] stack = new int[bvh.maxDepth + 2];
            for (int i = start; i < end; i++) {
                out[i] = (float) WindingNumberQuery.windingNumber(bvh, sx + q[3 * i], sy + q[3 * i + 1],
                        sz + q[3 * i + 2], beta, stack);
            }
        });
    }

    static void signedDistances(TriangleBvh bvh, float[] q, Vec3d shift, double beta, float[] out) {
        int n = count(q, Objects.requireNonNull(out, "out"), null, null, null);
        double sx = shift.x(), sy = shift.y(), sz = shift.z();
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            int[] stack = new int[bvh.maxDepth + 2];
            ClosestPointQuery query = new ClosestPointQuery(bvh);
            for (int i = start; i < end; i++) {
                double x = sx + q[3 * i], y = sy + q[3 * i + 1], z = sz + q[3 * i + 2];
                double d = Math.sqrt(query.run(x, y, z));
                double w = WindingNumberQuery.windingNumber(bvh, x, y, z, beta, stack);
                out[i] = (float) (w >= 0.5 ? -d : d);
            }
        });
    }
}
