package org.isofield.datasets.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Fills small holes ({@link HoleFillConfig}): boundary loops of at most {@code max_hole_edges} edges are closed by
 * ear clipping over the loop's own vertices (no vertex is added), the approach of the "advancing front" hole
 * fillers (Zhao, Gao and Lin 2007) without their refinement. Longer loops, such as the outer boundary of an open
 * scan, are left open.
 *
 * <p>A boundary half-edge is a face side {@code a -> b} with no face on {@code b -> a}; loops follow them head to
 * tail. A loop through a vertex with two outgoing boundary half-edges (two holes touching at a vertex) is left
 * open, as is one on a non-manifold edge. The new triangles run each boundary edge the other way round, so they are
 * oriented consistently with their neighbours. Each ear cut makes a new edge between the ear's two neighbours; an
 * ear whose new edge already exists in the mesh (or the fill so far) is never cut, so every edge stays on at most
 * two faces. Ears are cut convex ones first (turning the same way as the loop's Newell normal), then shortest new
 * edge first, ties by position on the loop; a loop with no cuttable ear is left open. Deterministic; time O(F log F
 * + L^2) per loop of L edges.
 */
public final class HoleFilling implements CleanStep {
    private final HoleFillConfig config;

    public HoleFilling(HoleFillConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Result apply(TriangleMesh mesh, PointCloud cloud) {
        int[] f = mesh.faces();
        int nv = mesh.vertexCount();
        MeshEdges edges = MeshEdges.of(nv, f);
        List<int[]> loops = loops(nv, f, edges);
        List<int[]> fill = new ArrayList<>();
        Set<Long> added = new HashSet<>();
        int filled = 0;
        int largestOpen = 0;
        for (int[] loop : loops) {
            if (loop.length <= config.maxHoleEdges() && triangulate(mesh.vertices(), loop, edges, added, fill)) {
                filled++;
            } else {
                largestOpen = Math.max(largestOpen, loop.length);
            }
        }
        int[] out = Arrays.copyOf(f, f.length + 3 * fill.size());
        for (int i = 0; i < fill.size(); i++) {
            System.arraycopy(fill.get(i), 0, out, f.length + 3 * i, 3);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("boundary_loops", loops.size());
        details.put("holes_filled", filled);
        details.put("loops_left_open", loops.size() - filled);
        details.put("largest_open_loop_edges", largestOpen);
        details.put("faces_added", fill.size());
        return new Result(TriangleMesh.of(mesh.vertices(), out, mesh.normals(), mesh.origin()), details);
    }

    /**
     * The boundary loops that can be filled (no vertex with two outgoing boundary half-edges, no non-manifold
     * edge), each as its vertices in the order of the faces' half-edges; in order of their first half-edge.
     */
    static List<int[]> loops(int nv, int[] f, MeshEdges edges) {
        long[] directed = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            directed[i] = ((long) f[i] << 32) | f[i - i % 3 + (i + 1) % 3];
        }
        Arrays.parallelSort(directed);
        int[] next = new int[nv];
        int[] outgoing = new int[nv];
        Arrays.fill(next, -1);
        boolean[] pinched = new boolean[nv];
        List<Integer> starts = new ArrayList<>();
        for (long d : directed) {
            int a = (int) (d >>> 32);
            int b = (int) d;
            if (Arrays.binarySearch(directed, ((long) b << 32) | a) >= 0) {
                continue;
            }
            int e = Arrays.binarySearch(edges.keys, MeshEdges.key(a, b));
            if (edges.faceCounts[e] != 1) {
                pinched[a] = true;
                pinched[b] = true;
            }
            if (outgoing[a]++ > 0) {
                pinched[a] = true;
            }
            next[a] = b;
            starts.add(a);
        }
        boolean[] seen = new boolean[nv];
        List<int[]> loops = new ArrayList<>();
        for (int s : starts) {
            if (seen[s]) {
                continue;
            }
            List<Integer> loop = new ArrayList<>();
            boolean ok = true;
            int v = s;
            do {
                seen[v] = true;
                ok &= !pinched[v];
                loop.add(v);
                v = next[v];
            } while (v >= 0 && v != s && !seen[v]);
            if (ok && v == s && loop.size() >= 3) {
                loops.add(loop.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return loops;
    }

    /** Adds the loop's triangles to {@code fill} and its new edges to {@code added}; false (nothing added) if stuck. */
    private static boolean triangulate(float[] v, int[] loop, MeshEdges edges, Set<Long> added, List<int[]> fill) {
        double[] normal = newell(v, loop);
        List<Integer> poly = new ArrayList<>();
        for (int x : loop) {
            poly.add(x);
        }
        List<int[]> tris = new ArrayList<>();
        Set<Long> made = new HashSet<>();
        while (poly.size() > 3) {
            int m = poly.size();
            int best = -1;
            boolean bestConvex = false;
            double bestLength = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                int prev = poly.get((i + m - 1) % m);
                int cur = poly.get(i);
                int next = poly.get((i + 1) % m);
                long key = MeshEdges.key(prev, next);
                if (prev == next || edges.has(prev, next) || added.contains(key) || made.contains(key)) {
                    continue;
                }
                boolean convex = turn(v, next, cur, prev, normal) > 0;
                double length = dist2(v, prev, next);
                if (best < 0 || (convex && !bestConvex) || (convex == bestConvex && length < bestLength)) {
                    best = i;
                    bestConvex = convex;
                    bestLength = length;
                }
            }
            if (best < 0) {
                return false;
            }
            int prev = poly.get((best + m - 1) % m);
            int next = poly.get((best + 1) % m);
            tris.add(new int[] {next, poly.get(best), prev});
            made.add(MeshEdges.key(prev, next));
            poly.remove(best);
        }
        tris.add(new int[] {poly.get(2), poly.get(1), poly.get(0)});
        fill.addAll(tris);
        added.addAll(made);
        return true;
    }

    /** The Newell normal of the fill, whose faces run the loop backwards. */
    private static double[] newell(float[] v, int[] loop) {
        double[] n = new double[3];
        for (int i = 0; i < loop.length; i++) {
            int a = loop[(i + 1) % loop.length];
            int b = loop[i];
            n[0] += (v[3 * a + 1] - v[3 * b + 1]) * (v[3 * a + 2] + v[3 * b + 2]);
            n[1] += (v[3 * a + 2] - v[3 * b + 2]) * (v[3 * a] + v[3 * b]);
            n[2] += (v[3 * a] - v[3 * b]) * (v[3 * a + 1] + v[3 * b + 1]);
        }
        return n;
    }

    /** The triangle {@code a b c}'s normal dotted with {@code n}. */
    private static double turn(float[] v, int a, int b, int c, double[] n) {
        double ux = v[3 * b] - v[3 * a], uy = v[3 * b + 1] - v[3 * a + 1], uz = v[3 * b + 2] - v[3 * a + 2];
        double wx = v[3 * c] - v[3 * a], wy = v[3 * c + 1] - v[3 * a + 1], wz = v[3 * c + 2] - v[3 * a + 2];
        return (uy * wz - uz * wy) * n[0] + (uz * wx - ux * wz) * n[1] + (ux * wy - uy * wx) * n[2];
    }

    private static double dist2(float[] v, int a, int b) {
        double dx = v[3 * a] - v[3 * b], dy = v[3 * a + 1] - v[3 * b + 1], dz = v[3 * a + 2] - v[3 * b + 2];
        return dx * dx + dy * dy + dz * dz;
    }
}
