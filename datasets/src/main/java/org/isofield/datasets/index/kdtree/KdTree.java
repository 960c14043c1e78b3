package org.isofield.datasets.index.kdtree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.datasets.index.QueryOrder;
import org.isofield.datasets.geom.PointCloud;

/**
 * An exact static KD-tree over N points in 3D for nearest, k-nearest and radius queries.
 *
 * <p>Built once from a flat {@code float[3N]} array (x0 y0 z0 x1 ...), which is copied, never kept or written.
 * Queries are in the same coordinate frame as that array: for a {@link PointCloud}, the frame of its stored
 * positions, i.e. relative to its {@link PointCloud#origin()}. Each node splits its points at the median of the
 * widest axis of their tight bounding box; leaves hold at most {@link #leafSize()} points, stored contiguously in a
 * permuted copy of the coordinates. Nodes live in flat arrays in heap order (six floats of bounding box per node), so
 * the tree takes at most about {@code 16 N + 96 N / leafSize} bytes.
 *
 * <p>Results are exact: distances are squared Euclidean distances computed in {@code float} as
 * {@code dx*dx + dy*dy + dz*dz} with {@code dx = qx - px}, exactly as a brute-force loop would, and pruning by box
 * distance never drops a point that could be strictly closer. When several points are at the same distance, which
 * of them is returned is deterministic (it depends only on the input) but not necessarily the lowest index; sorted
 * results order equal distances by index.
 *
 * <p>Complexity: build O(N log N) expected time, in parallel over {@link Parallel} (the tree is identical for any
 * thread count); a nearest query O(log N) expected on well-spread data, O(N) at worst; batch queries run in parallel
 * over fixed chunks of queries. Instances are immutable after construction and all queries are thread-safe.
 */
public final class KdTree {
    /** Default maximum number of points per leaf. */
    public static final int DEFAULT_LEAF_SIZE = 12;
    /** Queries per task in the batch queries. */
    static final int QUERY_GRAIN = 1024;

    private final float[] pts;
    private final int[] perm;
    private final float[] box;
    private final int leafSize;

    private KdTree(float[] pts, int[] perm, float[] box, int leafSize) {
        this.pts = pts;
        this.perm = perm;
        this.box = box;
        this.leafSize = leafSize;
    }

    /** Builds a tree over {@code xyz} (3 floats per point, at least one point, all finite) with default leaves. */
    public static KdTree build(float[] xyz) {
        return build(xyz, DEFAULT_LEAF_SIZE);
    }

    /** Builds a tree over a cloud's stored positions; queries are then relative to the cloud's origin. */
    public static KdTree build(PointCloud cloud) {
        return build(Objects.requireNonNull(cloud, "cloud").positions(), DEFAULT_LEAF_SIZE);
    }

    /**
     * Builds a tree over {@code xyz} with leaves of at most {@code leafSize} points (1 to 256; 8 to 16 is fastest).
     *
     * @throws IllegalArgumentException if there are no points, the length is not a multiple of 3, or a coordinate
     *     is NaN or infinite
     */
    public static KdTree build(float[] xyz, int leafSize) {
        Objects.requireNonNull(xyz, "xyz");
        Check.multipleOf("xyz", xyz.length, 3);
        Check.range("leafSize", leafSize, 1, 256);
        if (xyz.length == 0) {
            throw new IllegalArgumentException("cannot build a KdTree over 0 points; expected at least 1");
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Float.isFinite(xyz[i])) {
                throw new IllegalArgumentException("point " + (i / 3) + " has coordinate " + xyz[i]
                        + "; expected finite coordinates");
            }
        }
        int n = xyz.length / 3;
        float[] pts = xyz.clone();
        int[] perm = new int[n];
        Arrays.setAll(perm, i -> i);
        float[] box = new float[6 * KdTreeLayout.heapSize(n, leafSize)];
        KdTreeLayout.build(pts, perm, box, leafSize);
        return new KdTree(pts, perm, box, leafSize);
    }

    /** Number of points. */
    public int size() {
        return perm.length;
    }

    /** Maximum number of points per leaf. */
    public int leafSize() {
        return leafSize;
    }

    private KdSearch search() {
        return new KdSearch(pts, box, perm, leafSize);
    }

    /** The nearest point to {@code (x, y, z)} and its squared distance. */
    public Neighbor nearest(float x, float y, float z) {
        checkQuery(x, y, z, 0);
        KdSearch s = search();
        s.nearest(x, y, z);
        return new Neighbor(s.bestIndex(), s.best);
    }

    /**
     * Nearest neighbours of many queries, in parallel: for query {@code q} at {@code queries[3q..3q+2]} writes the
     * index of its nearest point to {@code outIndex[q]} and the squared distance to {@code outDist2[q]}.
     *
     * @param queries 3 floats per query, finite
     * @param outIndex at least {@code queries.length / 3} entries, or null when not wanted
     * @param outDist2 at least {@code queries.length / 3} entries, or null when not wanted
     */
    public void nearest(float[] queries, int[] outIndex, float[] outDist2) {
        int m = checkQueries(queries);
        checkOut("outIndex", outIndex == null ? -1 : outIndex.length, m);
        checkOut("outDist2", outDist2 == null ? -1 : outDist2.length, m);
        int[] order = QueryOrder.of(queries, box);
        Parallel.forChunks(m, QUERY_GRAIN, (chunk, start, end) -> {
            KdSearch s = search();
            for (int i = start; i < end; i++) {
                int q = order == null ? i : order[i];
                s.nearest(queries[3 * q], queries[3 * q + 1], queries[3 * q + 2]);
                if (outIndex != null) {
                    outIndex[q] = s.bestIndex();
                }
                if (outDist2 != null) {
                    outDist2[q] = s.best;
                }
            }
        });
    }

    /** The {@code min(k, size())} nearest points, sorted by squared distance, then index. */
    public List<Neighbor> knn(float x, float y, float z, int k) {
        checkQuery(x, y, z, 0);
        Check.positive("k", k);
        KdSearch s = search();
        s.knn(x, y, z, Math.min(k, size()));
        List<Neighbor> out = new ArrayList<>(s.heapSize);
        long[] keys = s.sortedKeys();
        for (int i = 0; i < s.heapSize; i++) {
            out.add(new Neighbor(KdSearch.keyIndex(keys[i]), KdSearch.keyDist2(keys[i])));
        }
        return out;
    }

    /**
     * The {@code k} nearest points of each query, in parallel: query {@code q}'s neighbours go to
     * {@code outIndex[q*k .. q*k+k-1]} and {@code outDist2[...]}, sorted by squared distance, then index. When
     * {@code k > size()}, the remaining slots get index -1 and distance +infinity.
     *
     * @param outIndex at least {@code k * queries.length / 3} entries, or null
     * @param outDist2 at least {@code k * queries.length / 3} entries, or null
     */
    public void knn(float[] queries, int k, int[] outIndex, float[] outDist2) {
        int m = checkQueries(queries);
        Check.positive("k", k);
        long need = (long) m * k;
        if (need > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(m + " queries x k = " + k + " exceeds the largest Java array");
        }
        checkOut("outIndex", outIndex == null ? -1 : outIndex.length, (int) need);
        checkOut("outDist2", outDist2 == null ? -1 : outDist2.length, (int) need);
        int kk = Math.min(k, size());
        int[] order = QueryOrder.of(queries, box);
        Parallel.forChunks(m, QUERY_GRAIN, (chunk, start, end) -> {
            KdSearch s = search();
            for (int i = start; i < end; i++) {
                int q = order == null ? i : order[i];
                s.knn(queries[3 * q], queries[3 * q + 1], queries[3 * q + 2], kk);
                long[] keys = s.sortedKeys();
                for (int j = 0; j < k; j++) {
                    int o = q * k + j;
                    if (outIndex != null) {
                        outIndex[o] = j < kk ? KdSearch.keyIndex(keys[j]) : -1;
                    }
                    if (outDist2 != null) {
                        outDist2[o] = j < kk ? KdSearch.keyDist2(keys[j]) : Float.POSITIVE_INFINITY;
                    }
                }
            }
        });
    }

    /**
     * Calls {@code visitor} for every point within distance {@code r} of the query (squared distance
     * {@code <= r*r}, both in float), in tree order; returns how many there were.
     */
    public int radius(float x, float y, float z, float r, NeighborVisitor visitor) {
        checkQuery(x, y, z, 0);
        Objects.requireNonNull(visitor, "visitor");
        return search().radius(x, y, z, radius2(r), visitor);
    }

    /** Every point within distance {@code r} of the query; sorted by squared distance then index when asked. */
    public List<Neighbor> radius(float x, float y, float z, float r, boolean sorted) {
        KeyBuffer keys = new KeyBuffer();
        radius(x, y, z, r, (index, d2) -> keys.add(KdSearch.key(d2, index)));
        if (sorted) {
            Arrays.sort(keys.keys, 0, keys.size);
        }
        List<Neighbor> out = new ArrayList<>(keys.size);
        for (int i = 0; i < keys.size; i++) {
            out.add(new Neighbor(KdSearch.keyIndex(keys.keys[i]), KdSearch.keyDist2(keys.keys[i])));
        }
        return out;
    }

    /**
     * Every point within distance {@code r} of each query, in parallel, as compressed rows; each query's neighbours
     * are sorted by squared distance then index when {@code sorted}, else in tree order.
     */
    public NeighborLists radius(float[] queries, float r, boolean sorted) {
        int m = checkQueries(queries);
        float r2 = radius2(r);
        List<KeyBuffer> parts = Parallel.mapChunks(m, QUERY_GRAIN, (chunk, start, end) -> {
            KdSearch s = search();
            KeyBuffer keys = new KeyBuffer();
            keys.counts = new int[end - start];
            for (int q = start; q < end; q++) {
                int from = keys.size;
                keys.counts[q - start] = s.radius(queries[3 * q], queries[3 * q + 1], queries[3 * q + 2], r2,
                        (index, d2) -> keys.add(KdSearch.key(d2, index)));
                if (sorted) {
                    Arrays.sort(keys.keys, from, keys.size);
                }
            }
            return keys;
        });
        long total = 0;
        for (KeyBuffer p : parts) {
            total += p.size;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("radius query found " + total + " neighbours; too many for one array");
        }
        int[] offsets = new int[m + 1];
        int[] indices = new int[(int) total];
        float[] dist2 = new float[(int) total];
        int q = 0;
        int o = 0;
        for (KeyBuffer p : parts) {
            for (int c : p.counts) {
                offsets[q + 1] = offsets[q] + c;
                q++;
            }
            for (int i = 0; i < p.size; i++, o++) {
                indices[o] = KdSearch.keyIndex(p.keys[i]);
                dist2[o] = KdSearch.keyDist2(p.keys[i]);
            }
        }
        return new NeighborLists(offsets, indices, dist2);
    }

    private static float radius2(float r) {
        if (!(r >= 0) || Float.isInfinite(r)) {
            throw new IllegalArgumentException("r = " + r + "; expected a finite radius >= 0");
        }
        return r * r;
    }

    private static void checkQuery(float x, float y, float z, int q) {
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
            throw new IllegalArgumentException("query " + q + " is (" + x + ", " + y + ", " + z
                    + "); expected finite coordinates");
        }
    }

    private static int checkQueries(float[] queries) {
        Objects.requireNonNull(queries, "queries");
        Check.multipleOf("queries", queries.length, 3);
        for (int i = 0; i < queries.length; i += 3) {
            checkQuery(queries[i], queries[i + 1], queries[i + 2], i / 3);
        }
        return queries.length / 3;
    }

    private static void checkOut(String name, int length, int needed) {
        if (length >= 0 && length < needed) {
            throw new IllegalArgumentException(name + " has length " + length + "; expected at least " + needed);
        }
    }

    /** A growable array of packed (distance, index) keys, plus per-query counts in batch radius queries. */
    private static final class KeyBuffer {
        long[] keys = new long[64];
        int size;
        int[] counts;

        void add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[size++] = key;
        }
    }
}
