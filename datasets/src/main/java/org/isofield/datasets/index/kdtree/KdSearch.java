package org.isofield.datasets.index.kdtree;

import java.util.Arrays;

/**
 * Mutable scratch state of queries on one {@link KdTree}: one instance per thread (per chunk of a batch), never
 * shared. Children are visited nearer box first and skipped when their box is no closer than the current bound, so
 * points at exactly the bound's distance may be skipped (ties are resolved among visited points only).
 */
final class KdSearch {
    private final float[] pts;
    private final float[] box;
    private final int[] perm;
    private final int leafSize;
    private final int n;

    private float qx, qy, qz;
    float best;
    int bestPos;

    private long[] heap = new long[0];
    int heapSize;
    private int k;
    private float worst;

    private float r2;
    private NeighborVisitor visitor;
    private int found;

    KdSearch(float[] pts, float[] box, int[] perm, int leafSize) {
        this.pts = pts;
        this.box = box;
        this.perm = perm;
        this.leafSize = leafSize;
        this.n = perm.length;
    }

    /** Packs a squared distance (non-negative, so its bits order like the value) and an index into one sortable key. */
    static long key(float dist2, int index) {
        return ((long) Float.floatToRawIntBits(dist2) << 32) | index;
    }

    static float keyDist2(long key) {
        return Float.intBitsToFloat((int) (key >>> 32));
    }

    static int keyIndex(long key) {
        return (int) key;
    }

    /** Nearest point to the query; afterwards {@link #best} and the original index {@link #bestIndex()}. */
    void nearest(float x, float y, float z) {
        qx = x;
        qy = y;
        qz = z;
        best = Float.POSITIVE_INFINITY;
        bestPos = -1;
        nearest(0, 0, n);
    }

    int bestIndex() {
        return bestPos < 0 ? -1 : perm[bestPos];
    }

    private void nearest(int node, int lo, int hi) {
        if (hi - lo <= leafSize) {
            float b = best;
            int bp = bestPos;
            for (int i = lo; i < hi; i++) {
                int p = 3 * i;
                float dx = qx - pts[p], dy = qy - pts[p + 1], dz = qz - pts[p + 2];
                float d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < b) {
                    b = d2;
                    bp = i;
                }
            }
            best = b;
            bestPos = bp;
            return;
        }
        int mid = (lo + hi) >>> 1;
        int left = 2 * node + 1;
        float dl = boxDist2(left);
        float dr = boxDist2(left + 1);
        if (dl <= dr) {
            if (dl < best) {
                nearest(left, lo, mid);
            }
            if (dr < best) {
                nearest(left + 1, mid, hi);
            }
        } else {
            if (dr < best) {
                nearest(left + 1, mid, hi);
            }
            if (dl < best) {
                nearest(left, lo, mid);
            }
        }
    }

    /** The {@code k} nearest points; afterwards the sorted keys are {@link #sortedKeys()}[0, {@link #heapSize}). */
    void knn(float x, float y, float z, int kk) {
        qx = x;
        qy = y;
        qz = z;
        k = kk;
        if (heap.length < kk) {
            heap = new long[kk];
        }
        heapSize = 0;
        worst = Float.POSITIVE_INFINITY;
        knn(0, 0, n);
        Arrays.sort(heap, 0, heapSize);
    }

    long[] sortedKeys() {
        return heap;
    }

    private void knn(int node, int lo, int hi) {
        if (hi - lo <= leafSize) {
            for (int i = lo; i < hi; i++) {
                int p = 3 * i;
                float dx = qx - pts[p], dy = qy - pts[p + 1], dz = qz - pts[p + 2];
                float d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= worst) {
                    offer(key(d2, perm[i]));
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int left = 2 * node + 1;
        float dl = boxDist2(left);
        float dr = boxDist2(left + 1);
        if (dl <= dr) {
            if (dl < worst) {
                knn(left, lo, mid);
            }
            if (dr < worst) {
                knn(left + 1, mid, hi);
            }
        } else {
            if (dr < worst) {
                knn(left + 1, mid, hi);
            }
            if (dl < worst) {
                knn(left, lo, mid);
            }
        }
    }

    /** Max-heap of the best {@code k} keys so far; {@link #worst} is +inf until it is full. */
    private void offer(long key) {
        long[] h = heap;
        if (heapSize < k) {
            int i = heapSize++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (h[parent] >= key) {
                    break;
                }
                h[i] = h[parent];
                i = parent;
            }
            h[i] = key;
        } else if (key < h[0]) {
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= heapSize) {
                    break;
                }
                if (c + 1 < heapSize && h[c + 1] > h[c]) {
                    c++;
                }
                if (h[c] <= key) {
                    break;
                }
                h[i] = h[c];
                i = c;
            }
            h[i] = key;
        } else {
            return;
        }
        if (heapSize == k) {
            worst = keyDist2(h[0]);
        }
    }

    /** Calls {@code v} for every point with squared distance at most {@code radius2}; returns how many. */
    int radius(float x, float y, float z, float radius2, NeighborVisitor v) {
        qx = x;
        qy = y;
        qz = z;
        r2 = radius2;
        visitor = v;
        found = 0;
        radius(0, 0, n);
        visitor = null;
        return found;
    }

    private void radius(int node, int lo, int hi) {
        if (hi - lo <= leafSize) {
            for (int i = lo; i < hi; i++) {
                int p = 3 * i;
                float dx = qx - pts[p], dy = qy - pts[p + 1], dz = qz - pts[p + 2];
                float d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= r2) {
                    found++;
                    visitor.accept(perm[i], d2);
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int left = 2 * node + 1;
        if (boxDist2(left) <= r2) {
            radius(left, lo, mid);
        }
        if (boxDist2(left + 1) <= r2) {
            radius(left + 1, mid, hi);
        }
    }

    /** Squared distance from the query to the box of {@code node} (0 inside). */
    private float boxDist2(int node) {
        int b = 6 * node;
        float d = 0;
        float t = box[b] - qx;
        if (t > 0) {
            d = t * t;
        } else {
            t = qx - box[b + 3];
            if (t > 0) {
                d = t * t;
            }
        }
        t = box[b + 1] - qy;
        if (t > 0) {
            d += t * t;
        } else {
            t = qy - box[b + 4];
            if (t > 0) {
                d += t * t;
            }
        }
        t = box[b + 2] - qz;
        if (t > 0) {
            d += t * t;
        } else {
            t = qz - box[b + 5];
            if (t > 0) {
                d += t * t;
            }
        }
        return d;
    }
}
