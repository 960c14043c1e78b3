package org.isofield.datasets.clean;

import java.util.Arrays;
import org.isofield.datasets.geom.DoubleMesh;

/**
 * Collapses edges shorter than a length in a closed triangle mesh, shortest first, each into one of its endpoints
 * (whose coordinates are kept exactly). An edge collapses only when the result stays a closed manifold and keeps its
 * shape: its two endpoints share exactly the two neighbours of the edge's two faces (the link condition of Dey et
 * al. 1999, which rules out pinches and fins), neither of those has only three faces, and no face around the removed
 * endpoint turns by more than {@link #MAX_TURN_COSINE}'s angle or becomes degenerate. Each pass touches every vertex
 * at most once (the endpoints and their neighbours are fixed for the rest of it), so every test reads an unchanged
 * neighbourhood; passes repeat until none collapses. Self-intersections are not tested here: a caller that needs
 * none checks the result. Unused vertices are dropped and the rest renumbered in order. Time O(F log F) per pass.
 */
public final class ShortEdges {
    /**
     * The smallest cosine between a face's normal before and after a collapse (60 degrees): a face near a short edge
     * that turns further than this is folding over, not moving along the surface.
     */
    public static final double MAX_TURN_COSINE = 0.5;
    private static final int MAX_PASSES = 8;

    private ShortEdges() {
    }

    /**
     * The collapsed mesh, how many edges went, and for each of its vertices the input vertex it is (its coordinates
     * are that vertex's).
     */
    public record Result(DoubleMesh mesh, int collapsed, int[] sourceVertices) {
    }

    /**
     * @param maxLength edges shorter than this length collapse (0: none)
     */
    public static Result collapse(DoubleMesh mesh, double maxLength) {
        return collapse(mesh, maxLength, new boolean[mesh.vertexCount()]);
    }

    /**
     * As {@link #collapse(DoubleMesh, double)}, leaving every edge with a {@code frozen} endpoint alone (a caller
     * that found a collapse fold the surface freezes the vertices there and collapses the input again).
     *
     * @param frozen per input vertex; not written
     */
    public static Result collapse(DoubleMesh mesh, double maxLength, boolean[] frozen) {
        if (frozen.length != mesh.vertexCount()) {
            throw new IllegalArgumentException("frozen has " + frozen.length + " entries; expected one per vertex ("
                    + mesh.vertexCount() + ")");
        }
        if (!(maxLength >= 0) || Double.isInfinite(maxLength)) {
            throw new IllegalArgumentException("edge length is " + maxLength
                    + "; expected a finite length of 0 or more");
        }
        double[] v = mesh.vertices();
        int[] f = mesh.faces().clone();
        int total = 0;
        for (int pass = 0; pass < MAX_PASSES && maxLength > 0; pass++) {
            int done = new Pass(v, f, maxLength, frozen).run();
            total += done;
            if (done == 0) {
                break;
            }
            f = live(f);
        }
        int[] source = used(v.length / 3, f);
        return new Result(compact(v, f, source), total, source);
    }

    /** One pass over the candidate edges of the current faces. */
    private static final class Pass {
        private final double[] v;
        private final int[] f;
        private final double maxLength;
        private final int[] start;
        private final int[] incident;
        private final boolean[] locked;

        Pass(double[] v, int[] f, double maxLength, boolean[] frozen) {
            this.v = v;
            this.f = f;
            this.maxLength = maxLength;
            int nv = v.length / 3;
            start = new int[nv + 1];
            for (int x : f) {
                start[x + 1]++;
            }
            for (int i = 0; i < nv; i++) {
                start[i + 1] += start[i];
            }
            incident = new int[f.length];
            int[] fill = Arrays.copyOf(start, nv);
            for (int i = 0; i < f.length; i++) {
                incident[fill[f[i]]++] = i / 3;
            }
            locked = frozen.clone();
        }

        int run() {
            long[] candidates = new long[f.length];
            int m = 0;
            for (int i = 0; i < f.length; i++) {
                int a = f[i];
                int b = f[i - i % 3 + (i + 1) % 3];
                double len = Math.sqrt(dist2(a, b));
                if (a < b && len < maxLength) {
                    candidates[m++] = ((long) Float.floatToIntBits((float) len) << 32) | i;
                }
            }
            Arrays.sort(candidates, 0, m);
            int done = 0;
            for (int k = 0; k < m; k++) {
                int i = (int) candidates[k];
                int a = f[i];
                int b = f[i - i % 3 + (i + 1) % 3];
                if (a < 0 || b < 0 || locked[a] || locked[b] || !linkHolds(a, b)) {
                    continue;
                }
                if (keepsShape(a, b)) {
                    apply(a, b);
                } else if (keepsShape(b, a)) {
                    apply(b, a);
                } else {
                    continue;
                }
                done++;
            }
            return done;
        }

        /** The endpoints' common neighbours are exactly the far corners of the edge's two faces. */
        private boolean linkHolds(int a, int b) {
            int shared = 0;
            for (int j = start[a]; j < start[a + 1]; j++) {
                int t = incident[j];
                if (has(t, b)) {
                    shared++;
                    // a far corner of valence 3 would be left with two faces on the same three vertices
                    int c = f[3 * t] + f[3 * t + 1] + f[3 * t + 2] - a - b;
                    if (start[c + 1] - start[c] <= 3) {
                        return false;
                    }
                }
            }
            if (shared != 2) {
                return false;
            }
            int common = 0;
            for (int j = start[a]; j < start[a + 1]; j++) {
                int t = incident[j];
                for (int c = 0; c < 3; c++) {
                    int w = f[3 * t + c];
                    // count each neighbour of a once: at the face where it follows a
                    if (w != a && w != b && f[3 * t + (c + 2) % 3] == a && neighbours(b, w)) {
                        common++;
                    }
                }
            }
            return common == 2;
        }

        private boolean neighbours(int b, int w) {
            for (int j = start[b]; j < start[b + 1]; j++) {
                if (has(incident[j], w)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether moving {@code gone} onto {@code kept} leaves every face around it turned by less than 60 deg. */
        private boolean keepsShape(int kept, int gone) {
            for (int j = start[gone]; j < start[gone + 1]; j++) {
                int t = incident[j];
                if (has(t, kept)) {
                    continue;
                }
                double[] before = normal(t, -1, -1);
                double[] after = normal(t, gone, kept);
                double nb = Math.sqrt(dot(before, before));
                double na = Math.sqrt(dot(after, after));
                if (!(na > 1e-12 * nb) || dot(before, after) < MAX_TURN_COSINE * nb * na) {
                    return false;
                }
            }
            return true;
        }

        private void apply(int kept, int gone) {
            for (int j = start[gone]; j < start[gone + 1]; j++) {
                int t = incident[j];
                boolean dies = has(t, kept);
                for (int c = 0; c < 3; c++) {
                    if (dies) {
                        f[3 * t + c] = -1;
                    } else if (f[3 * t + c] == gone) {
                        f[3 * t + c] = kept;
                    }
                }
            }
            lockRing(kept);
            lockRing(gone);
        }

        private void lockRing(int a) {
            locked[a] = true;
            for (int j = start[a]; j < start[a + 1]; j++) {
                int t = incident[j];
                for (int c = 0; c < 3; c++) {
                    if (f[3 * t + c] >= 0) {
                        locked[f[3 * t + c]] = true;
                    }
                }
            }
        }

        private boolean has(int t, int x) {
            return f[3 * t] == x || f[3 * t + 1] == x || f[3 * t + 2] == x;
        }

        private double[] normal(int t, int from, int to) {
            int[] c = new int[3];
            for (int k = 0; k < 3; k++) {
                c[k] = f[3 * t + k] == from ? to : f[3 * t + k];
            }
            double ux = v[3 * c[1]] - v[3 * c[0]], uy = v[3 * c[1] + 1] - v[3 * c[0] + 1],
                    uz = v[3 * c[1] + 2] - v[3 * c[0] + 2];
            double wx = v[3 * c[2]] - v[3 * c[0]], wy = v[3 * c[2] + 1] - v[3 * c[0] + 1],
                    wz = v[3 * c[2] + 2] - v[3 * c[0] + 2];
            return new double[] {uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx};
        }

        private double dist2(int a, int b) {
            double dx = v[3 * a] - v[3 * b], dy = v[3 * a + 1] - v[3 * b + 1], dz = v[3 * a + 2] - v[3 * b + 2];
            return dx * dx + dy * dy + dz * dz;
        }
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** The faces not removed. */
    private static int[] live(int[] f) {
        int n = 0;
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i += 3) {
            if (f[i] >= 0) {
                System.arraycopy(f, i, out, n, 3);
                n += 3;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The vertices the faces use, in increasing order. */
    private static int[] used(int nv, int[] f) {
        boolean[] seen = new boolean[nv];
        for (int x : f) {
            seen[x] = true;
        }
        int n = 0;
        int[] out = new int[nv];
        for (int i = 0; i < nv; i++) {
            if (seen[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The mesh of the used vertices, renumbered in order. */
    private static DoubleMesh compact(double[] v, int[] f, int[] used) {
        int[] remap = new int[v.length / 3];
        double[] out = new double[3 * used.length];
        for (int i = 0; i < used.length; i++) {
            remap[used[i]] = i;
            System.arraycopy(v, 3 * used[i], out, 3 * i, 3);
        }
        int[] faces = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            faces[i] = remap[f[i]];
        }
        return DoubleMesh.of(out, faces);
    }
}
