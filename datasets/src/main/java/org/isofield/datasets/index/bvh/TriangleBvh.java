package org.isofield.datasets.index.bvh;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * A bounding volume hierarchy over the triangles of a {@link TriangleMesh}, answering closest-point, ray, winding
 * number and signed distance queries in double precision.
 *
 * <p>Build: binned SAH with leaves of at most 4 triangles, subtrees built in parallel ({@link BvhBuilder}); the tree
 * is the same for any thread count. Storage is flat, no object per node: node boxes {@code float[6 x nodes]}, node
 * records {@code int[4 x nodes]}, triangle corners copied in leaf order {@code float[9 x triangles]} relative to the
 * mesh origin, and the winding-number expansion {@code float[34 x nodes]}; with about 0.63 nodes per triangle that
 * is about 150 bytes per triangle (10 MB for 70k triangles). Building costs {@code O(n log n)}: 0.15 to 0.3 s for
 * 70k triangles on two shared cores.
 *
 * <p>Queries take world coordinates; batch versions take flat {@code float[3N]} arrays relative to a given origin
 * and run in parallel over fixed chunks. Zero-area triangles are tolerated everywhere (they have a closest point,
 * are never hit by rays and contribute no winding number). Instances are immutable and thread-safe.
 *
 * <p>The winding number follows Barill et al., "Fast Winding Numbers for Soups and Clouds" (SIGGRAPH 2018), with
 * their order-2 far-field expansion ({@link WindingNumberQuery}); it is 1 inside and 0 outside a closed, outward
 * oriented mesh and degrades gracefully for holes and soups. Inside means {@code w >= 0.5}. Measured on 70k-triangle
 * meshes with the default {@code beta = 2}: mean |error| about 1e-3, largest below 0.01.
 */
public final class TriangleBvh {
    /** Default accuracy parameter of the winding number: nodes farther than {@code beta} radii use the expansion. */
    public static final double DEFAULT_BETA = 2.0;

    private final TriangleMesh mesh;
    private final Vec3d origin;
    final float[] tris;
    final int[] triIds;
    final float[] bounds;
    final int[] nodes;
    final int nodeCount;
    final int maxDepth;
    final WindingMoments winding;

    private TriangleBvh(TriangleMesh mesh) {
        this.mesh = mesh;
        this.origin = mesh.origin();
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        int n = f.length / 3;
        float[] triBounds = new float[6 * n];
        float[] centroids = new float[3 * n];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < 3; a++) {
                float p = v[3 * f[3 * t] + a], q = v[3 * f[3 * t + 1] + a], r = v[3 * f[3 * t + 2] + a];
                if (!Float.isFinite(p) || !Float.isFinite(q) || !Float.isFinite(r)) {
                    throw new IllegalArgumentException("face " + t
                            + " has a non-finite vertex coordinate; expected finite vertices");
                }
                triBounds[6 * t + a] = Math.min(p, Math.min(q, r));
                triBounds[6 * t + 3 + a] = Math.max(p, Math.max(q, r));
                centroids[3 * t + a] = (float) (((double) p + q + r) / 3.0);
            }
        }
        BvhBuilder builder = new BvhBuilder(triBounds, centroids);
        BvhBuilder.Nodes built = builder.build();
        this.triIds = builder.order;
        this.bounds = built.bounds;
        this.nodes = built.meta;
        this.nodeCount = built.size;
        this.maxDepth = built.maxDepth;
        this.tris = new float[9 * n];
        for (int k = 0; k < n; k++) {
            int t = triIds[k];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(v, 3 * f[3 * t + c], tris, 9 * k + 3 * c, 3);
            }
        }
        this.winding = WindingMoments.compute(tris, bounds, nodes, nodeCount);
    }

    /**
     * Builds the hierarchy over the mesh's faces; the mesh is referenced, not copied.
     *
     * @throws IllegalArgumentException when the mesh has no faces or a face uses a non-finite vertex
     */
    public static TriangleBvh build(TriangleMesh mesh) {
        Objects.requireNonNull(mesh, "mesh");
        if (mesh.faceCount() == 0) {
            throw new IllegalArgumentException("mesh has no faces (" + mesh.vertexCount()
                    + " vertices); a triangle BVH needs at least one triangle");
        }
        return new TriangleBvh(mesh);
    }

    /** Builds over world-coordinate vertices {@code float[3V]} and faces {@code int[3F]} (taken, not copied). */
    public static TriangleBvh build(float[] vertices, int[] faces) {
        return build(TriangleMesh.of(vertices, faces));
    }

    /**
     * The flat arrays of the hierarchy, for a device twin of the queries (not copies: do not modify). Coordinates are
     * relative to the mesh origin.
     *
     * @param bounds   node boxes, 6 floats per node (min xyz, max xyz)
     * @param nodes    4 ints per node: first triangle slot, triangle count, left child, right child (-1 for leaves)
     * @param tris     triangle corners in leaf order, 9 floats per slot
     * @param balls    winding-number expansion balls, 4 floats per node (centre, radius)
     * @param coeffs   winding-number expansion coefficients, {@value WindingMoments#STRIDE} floats per node
     * @param maxDepth the deepest node's depth (a traversal stack of {@code maxDepth + 2} suffices)
     */
    public record Flat(float[] bounds, int[] nodes, float[] tris, float[] balls, float[] coeffs, int maxDepth) {
        /** Floats of winding coefficients per node. */
        public static final int COEFFS = WindingMoments.STRIDE;
    }

    /** The hierarchy's flat arrays. */
    public Flat flat() {
        return new Flat(bounds, nodes, tris, winding.balls, winding.coeffs, maxDepth);
    }

    /** The indexed mesh. */
    public TriangleMesh mesh() {
        return mesh;
    }

    public int triangleCount() {
        return triIds.length;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** Largest node depth (the root has depth 0). */
    public int depth() {
        return maxDepth;
    }

    /** World bounds of all triangles. */
    public Aabb bounds() {
        return new Aabb(origin.x() + bounds[0], origin.y() + bounds[1], origin.z() + bounds[2],
                origin.x() + bounds[3], origin.y() + bounds[4], origin.z() + bounds[5]);
    }

    // ---------------------------------------------------------------- closest point

    /** The surface point closest to world point {@code (x, y, z)}, with its face and barycentric weights. */
    public ClosestPoint closestPoint(double x, double y, double z) {
        ClosestPointQuery q = new ClosestPointQuery(this);
        double d2 = q.run(x - origin.x(), y - origin.y(), z - origin.z());
        int o = 9 * q.slot;
        double b0 = 1 - q.v - q.w;
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = b0 * tris[o + a] + q.v * tris[o + 3 + a] + q.w * tris[o + 6 + a];
        }
        return new ClosestPoint(Math.sqrt(d2), origin.x() + p[0], origin.y() + p[1], origin.z() + p[2], triIds[q.slot],
                b0, q.v, q.w);
    }

    /** Unsigned distance from world point {@code (x, y, z)} to the surface. */
    public double distance(double x, double y, double z) {
        return Math.sqrt(new ClosestPointQuery(this).run(x - origin.x(), y - origin.y(), z - origin.z()));
    }

    /**
     * Closest points for {@code N} queries {@code float[3N]} stored relative to {@code queryOrigin}, in parallel.
     * Each output may be null when not wanted: {@code outDistance[N]}, {@code outPoint[3N]} (relative to
     * {@code queryOrigin}), {@code outTriangle[N]} (face index), {@code outBarycentric[3N]} (weights of the face's
     * three vertices).
     */
    public void closestPoints(float[] queries, Vec3d queryOrigin, float[] outDistance, float[] outPoint,
                              int[] outTriangle, float[] outBarycentric) {
        int n = BatchQueries.count(queries, outDistance, outPoint, outTriangle, outBarycentric);
        BatchQueries.closestPoints(this, queries, shift(queryOrigin), n, outDistance, outPoint, outTriangle,
                outBarycentric);
    }

    /** Unsigned distances for world-coordinate queries {@code float[3N]}, in parallel. */
    public float[] distances(float[] queries) {
        float[] out = new float[checkQueries(queries)];
        closestPoints(queries, Vec3d.ZERO, out, null, null, null);
        return out;
    }

    // ---------------------------------------------------------------- rays

    /**
     * The first hit of the ray {@code o + t d}, {@code 0 <= t <= tMax}, or empty. {@code d} need not be unit length
     * ({@code t} is then in units of {@code |d|}); a zero direction hits nothing.
     */
    public Optional<RayHit> raycast(double ox, double oy, double oz, double dx, double dy, double dz, double tMax) {
        Check.range("tMax", tMax, 0, Double.POSITIVE_INFINITY);
        RayQuery q = new RayQuery(this);
        if (!q.run(ox - origin.x(), oy - origin.y(), oz - origin.z(), dx, dy, dz, tMax, false)) {
            return Optional.empty();
        }
        return Optional.of(new RayHit(q.t, triIds[q.slot], 1 - q.u - q.v, q.u, q.v));
    }

    /** Whether the ray {@code o + t d} hits any triangle for {@code 0 <= t <= tMax} (stops at the first found). */
    public boolean anyHit(double ox, double oy, double oz, double dx, double dy, double dz, double tMax) {
        Check.range("tMax", tMax, 0, Double.POSITIVE_INFINITY);
        return new RayQuery(this).run(ox - origin.x(), oy - origin.y(), oz - origin.z(), dx, dy, dz, tMax, true);
    }

    /**
     * First hits of {@code N} rays in parallel: ray origins {@code float[3N]} relative to {@code rayOrigin},
     * directions {@code float[3N]}, a common {@code tMax}. Outputs (each may be null): {@code outT[N]} (+infinity
     * for a miss), {@code outTriangle[N]} (-1 for a miss), {@code outBarycentric[3N]} (0 for a miss).
     */
    public void raycasts(float[] origins, Vec3d rayOrigin, float[] directions, double tMax, float[] outT,
                         int[] outTriangle, float[] outBarycentric) {
        Check.range("tMax", tMax, 0, Double.POSITIVE_INFINITY);
        BatchQueries.raycasts(this, origins, shift(rayOrigin), directions, tMax, outT, outTriangle, outBarycentric,
                null);
    }

    /** Any-hit tests of {@code N} rays in parallel, as {@link #raycasts}; {@code out[N]} says whether each hit. */
    public void anyHits(float[] origins, Vec3d rayOrigin, float[] directions, double tMax, boolean[] out) {
        Objects.requireNonNull(out, "out");
        Check.range("tMax", tMax, 0, Double.POSITIVE_INFINITY);
        BatchQueries.raycasts(this, origins, shift(rayOrigin), directions, tMax, null, null, null, out);
    }

    // ---------------------------------------------------------------- winding number and signed distance

    /** Generalised winding number at a world point with {@link #DEFAULT_BETA}. */
    public double windingNumber(double x, double y, double z) {
        return windingNumber(x, y, z, DEFAULT_BETA);
    }

    /**
     * Generalised winding number at a world point: 1 inside and 0 outside a closed outward-oriented mesh. Larger
     * {@code beta} is more accurate and slower (error about {@code beta^-3}).
     */
    public double windingNumber(double x, double y, double z, double beta) {
        Check.positive("beta", beta);
        return WindingNumberQuery.windingNumber(this, x - origin.x(), y - origin.y(), z - origin.z(), beta,
                new int[maxDepth + 2]);
    }

    /** The winding number summed exactly over every triangle: O(n), a reference for tests. */
    public double exactWindingNumber(double x, double y, double z) {
        return WindingNumberQuery.exact(this, x - origin.x(), y - origin.y(), z - origin.z());
    }

    /** Whether a world point is inside: winding number (default beta) at least 0.5. */
    public boolean isInside(double x, double y, double z) {
        return windingNumber(x, y, z) >= 0.5;
    }

    /** Winding numbers of {@code N} queries {@code float[3N]} relative to {@code queryOrigin} into {@code out[N]}. */
    public void windingNumbers(float[] queries, Vec3d queryOrigin, double beta, float[] out) {
        Check.positive("beta", beta);
        BatchQueries.windingNumbers(this, queries, shift(queryOrigin), beta, out);
    }

    /** Winding numbers (default beta) of world-coordinate queries {@code float[3N]}. */
    public float[] windingNumbers(float[] queries) {
        float[] out = new float[checkQueries(queries)];
        windingNumbers(queries, Vec3d.ZERO, DEFAULT_BETA, out);
        return out;
    }

    /** Distance to the surface, negative inside (winding number at least 0.5, default beta). */
    public double signedDistance(double x, double y, double z) {
        double d = distance(x, y, z);
        return isInside(x, y, z) ? -d : d;
    }

    /** Signed distances of {@code N} queries relative to {@code queryOrigin} into {@code out[N]}, in parallel. */
    public void signedDistances(float[] queries, Vec3d queryOrigin, double beta, float[] out) {
        Check.positive("beta", beta);
        BatchQueries.signedDistances(this, queries, shift(queryOrigin), beta, out);
    }

    /** Signed distances (default beta) of world-coordinate queries {@code float[3N]}. */
    public float[] signedDistances(float[] queries) {
        float[] out = new float[checkQueries(queries)];
        signedDistances(queries, Vec3d.ZERO, DEFAULT_BETA, out);
        return out;
    }

    // ---------------------------------------------------------------- broad phase

    /**
     * Calls {@code action} with the face index of every triangle whose bounding box overlaps the world box
     * {@code box} (closed intervals, widened by about 8 float ulps so rounding never drops a touching triangle), in
     * no particular order. Runs in the calling thread; cost about {@code O(log n + k)} for {@code k} reported.
     */
    public void forEachOverlapping(Aabb box, IntConsumer action) {
        double scale = Math.max(Math.max(Math.abs(box.minX() - origin.x()), Math.abs(box.maxX() - origin.x())),
                Math.max(Math.max(Math.abs(box.minY() - origin.y()), Math.abs(box.maxY() - origin.y())),
                        Math.max(Math.abs(box.minZ() - origin.z()), Math.abs(box.maxZ() - origin.z()))));
        double pad = 1e-6 * scale + 1e-15 * origin.length();
        double x0 = box.minX() - origin.x() - pad, y0 = box.minY() - origin.y() - pad,
                z0 = box.minZ() - origin.z() - pad;
        double x1 = box.maxX() - origin.x() + pad, y1 = box.maxY() - origin.y() + pad, z1 = box.maxZ() - origin.z()
                + pad;
        int[] stack = new int[maxDepth + 2];
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            int o = 6 * node;
            if (bounds[o] > x1 || bounds[o + 3] < x0 || bounds[o + 1] > y1 || bounds[o + 4] < y0
                    || bounds[o + 2] > z1 || bounds[o + 5] < z0) {
                continue;
            }
            int m = 4 * node;
            if (nodes[m + 2] >= 0) {
                stack[sp++] = nodes[m + 3];
                stack[sp++] = nodes[m + 2];
                continue;
            }
            for (int k = nodes[m]; k < nodes[m] + nodes[m + 1]; k++) {
                int t = 9 * k;
                if (Math.min(tris[t], Math.min(tris[t + 3], tris[t + 6])) <= x1
                        && Math.max(tris[t], Math.max(tris[t + 3], tris[t + 6])) >= x0
                        && Math.min(tris[t + 1], Math.min(tris[t + 4], tris[t + 7])) <= y1
                        && Math.max(tris[t + 1], Math.max(tris[t + 4], tris[t + 7])) >= y0
                        && Math.min(tris[t + 2], Math.min(tris[t + 5], tris[t + 8])) <= z1
                        && Math.max(tris[t + 2], Math.max(tris[t + 5], tris[t + 8])) >= z0) {
                    action.accept(triIds[k]);
                }
            }
        }
    }

    /** Offset that maps query coordinates relative to {@code queryOrigin} into this BVH's local frame. */
    private Vec3d shift(Vec3d queryOrigin) {
        return Objects.requireNonNull(queryOrigin, "queryOrigin").minus(origin);
    }

    private static int checkQueries(float[] queries) {
        Objects.requireNonNull(queries, "queries");
        Check.multipleOf("queries", queries.length, 3);
        return queries.length / 3;
    }

    @Override
    public String toString() {
        return "TriangleBvh[" + triangleCount() + " triangles, " + nodeCount + " nodes, depth " + maxDepth + "]";
    }
}
