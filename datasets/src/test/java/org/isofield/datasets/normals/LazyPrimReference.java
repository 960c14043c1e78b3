package org.isofield.datasets.normals;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * The orientation as it was before the frontier heap (issue 16): Prim's algorithm with a heap of every offered edge,
 * skipping points already in the tree. Kept as the reference twin that {@link MstOrientation} must match bit for bit.
 */
final class LazyPrimReference {
    private static final int NEIGHBOURS = MstOrientation.NEIGHBOURS;
    private static final int CHUNK = 1 << 16;

    private LazyPrimReference() {
    }

    /**
     * @param points positions, {@code 3N}
     * @param normals unit normals, {@code 3N}; flipped in place
     * @param viewpoint where the sensor was, in the points' coordinates, or null
     */
    static MstOrientation.Oriented orient(float[] points, float[] normals, KdTree tree, double[] viewpoint) {
        int n = points.length / 3;
        int k = Math.min(NEIGHBOURS + 1, n);
        int[] knn = new int[n * k];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            int[] idx = new int[m * k];
            tree.knn(Arrays.copyOfRange(points, 3 * start, 3 * (start + m)), k, idx, null);
            System.arraycopy(idx, 0, knn, start * k, m * k);
        }
        int[] offset = new int[n + 1];
        for (int e = 0; e < knn.length; e++) {
            int i = e / k;
            int j = knn[e];
            if (i != j) {
                offset[i + 1]++;
                offset[j + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            offset[i + 1] += offset[i];
        }
        int[] adj = new int[offset[n]];
        int[] fill = Arrays.copyOf(offset, n);
        for (int e = 0; e < knn.length; e++) {
            int i = e / k;
            int j = knn[e];
            if (i != j) {
                adj[fill[i]++] = j;
                adj[fill[j]++] = i;
            }
        }
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int i = 0; i < n; i++) {
            cx += points[3 * i];
            cy += points[3 * i + 1];
            cz += points[3 * i + 2];
        }
        double[] centroid = {cx / n, cy / n, cz / n};
        boolean[] done = new boolean[n];
        int[] partOf = new int[n];
        EdgeHeap heap = new EdgeHeap(Math.max(16, adj.length / 4));
        int parts = 0;
        for (int root = 0; root < n; root++) {
            if (done[root]) {
                continue;
            }
            int size = 0;
            int[] members = new int[16];
            heap.push(0, root, root);
            while (heap.size() > 0) {
                int node = heap.node();
                int parent = heap.parent();
                heap.pop();
                if (done[node]) {
                    continue;
                }
                done[node] = true;
                partOf[node] = parts;
                if (size == members.length) {
                    members = Arrays.copyOf(members, 2 * size);
                }
                members[size++] = node;
                if (dot(normals, node, parent) < 0) {
                    flip(normals, node);
                }
                for (int e = offset[node]; e < offset[node + 1]; e++) {
                    int j = adj[e];
                    if (!done[j]) {
                        heap.push(1 - Math.abs(dot(normals, node, j)), j, node);
                    }
                }
            }
            double vote = 0;
            for (int a = 0; a < size; a++) {
                int i = members[a];
                double[] target = viewpoint != null ? viewpoint : centroid;
                double d = (target[0] - points[3 * i]) * normals[3 * i] + (target[1] - points[3 * i
                        + 1]) * normals[3 * i + 1]
                        + (target[2] - points[3 * i + 2]) * normals[3 * i + 2];
                vote += Math.signum(viewpoint != null ? d : -d);
            }
            if (vote < 0) {
                for (int a = 0; a < size; a++) {
                    flip(normals, members[a]);
                }
            }
            parts++;
        }
        return new MstOrientation.Oriented(normals, parts, partOf);
    }

    private static double dot(float[] nrm, int a, int b) {
        return (double) nrm[3 * a] * nrm[3 * b] + (double) nrm[3 * a + 1] * nrm[3 * b + 1]
                + (double) nrm[3 * a + 2] * nrm[3 * b + 2];
    }

    private static void flip(float[] nrm, int a) {
        nrm[3 * a] = -nrm[3 * a];
        nrm[3 * a + 1] = -nrm[3 * a + 1];
        nrm[3 * a + 2] = -nrm[3 * a + 2];
    }

    /** A binary min-heap of (cost, node, parent) entries; ties go to the smaller node, then the smaller parent. */
    static final class EdgeHeap {
        private double[] cost;
        private int[] node;
        private int[] parent;
        private int size;

        EdgeHeap(int capacity) {
            cost = new double[capacity];
            node = new int[capacity];
            parent = new int[capacity];
        }

        int size() {
            return size;
        }

        int node() {
            return node[0];
        }

        int parent() {
            return parent[0];
        }

        void push(double c, int v, int p) {
            if (size == cost.length) {
                int cap = 2 * size;
                cost = Arrays.copyOf(cost, cap);
                node = Arrays.copyOf(node, cap);
                parent = Arrays.copyOf(parent, cap);
            }
            int i = size++;
            while (i > 0) {
                int up = (i - 1) / 2;
                if (!less(c, v, p, up)) {
                    break;
                }
                set(i, cost[up], node[up], parent[up]);
                i = up;
            }
            set(i, c, v, p);
        }

        void pop() {
            size--;
            if (size == 0) {
                return;
            }
            double c = cost[size];
            int v = node[size];
            int p = parent[size];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int m = l + 1 < size && less(cost[l + 1], node[l + 1], parent[l + 1], l) ? l + 1 : l;
                if (!less(cost[m], node[m], parent[m], c, v, p)) {
                    break;
                }
                set(i, cost[m], node[m], parent[m]);
                i = m;
            }
            set(i, c, v, p);
        }

        private boolean less(double c, int v, int p, int at) {
            return less(c, v, p, cost[at], node[at], parent[at]);
        }

        private static boolean less(double c1, int v1, int p1, double c2, int v2, int p2) {
            if (c1 != c2) {
                return c1 < c2;
            }
            return v1 != v2 ? v1 < v2 : p1 < p2;
        }

        private void set(int i, double c, int v, int p) {
            cost[i] = c;
            node[i] = v;
            parent[i] = p;
        }
    }
}
