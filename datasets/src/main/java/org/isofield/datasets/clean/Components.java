package org.isofield.datasets.clean;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.index.UnionFind;

/**
 * Keeps the largest connected components of a mesh by area ({@link ComponentsConfig}): the largest
 * {@code keep_largest} of them, of those with at least {@code min_area_share} of the total area. Components are
 * the connected parts of the vertex graph, as in {@link SmallPieces} (which filters by face count relative to the
 * largest piece, for extraction); ties in area go to the component whose first face comes first. Time and memory
 * O(V + F); the point cloud is not used.
 */
public final class Components implements CleanStep {
    private final ComponentsConfig config;

    public Components(ComponentsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The number of connected components (of the faces; unused vertices are not counted). */
    public static int count(TriangleMesh mesh) {
        int[] f = mesh.faces();
        UnionFind uf = join(mesh.vertexCount(), f);
        boolean[] used = new boolean[mesh.vertexCount()];
        int n = 0;
        for (int x : f) {
            int r = uf.find(x);
            if (!used[r]) {
                used[r] = true;
                n++;
            }
        }
        return n;
    }

    private static UnionFind join(int nv, int[] f) {
        UnionFind uf = new UnionFind(nv);
        for (int t = 0; t < f.length; t += 3) {
            uf.union(f[t], f[t + 1]);
            uf.union(f[t], f[t + 2]);
        }
        return uf;
    }

    @Override
    public Result apply(TriangleMesh mesh, PointCloud cloud) {
        int nv = mesh.vertexCount();
        int nf = mesh.faceCount();
        int[] f = mesh.faces();
        float[] v = mesh.vertices();
        UnionFind uf = join(nv, f);
        int[] id = new int[nv];
        Arrays.fill(id, -1);
        int[] faceComponent = new int[nf];
        double[] area = new double[Math.max(1, nf)];
        int components = 0;
        double total = 0;
        for (int t = 0; t < nf; t++) {
            int r = uf.find(f[3 * t]);
            if (id[r] < 0) {
                id[r] = components++;
            }
            faceComponent[t] = id[r];
            double a = area(v, f[3 * t], f[3 * t + 1], f[3 * t + 2]);
            area[id[r]] += a;
            total += a;
        }
        // components numbered by first face; order by area, larger first, then by that number
        Integer[] order = new Integer[components];
        for (int c = 0; c < components; c++) {
            order[c] = c;
        }
        double[] areas = area;
        Arrays.sort(order, (x, y) -> areas[x] != areas[y] ? Double.compare(areas[y], areas[x])
                : Integer.compare(x, y));
        boolean[] keepComponent = new boolean[components];
        int kept = 0;
        for (int rank = 0; rank < components; rank++) {
            int c = order[rank];
            boolean inCount = config.keepLargest() == 0 || rank < config.keepLargest();
            boolean inShare = total > 0 ? areas[c] / total >= config.minAreaShare() : config.minAreaShare() == 0;
            keepComponent[c] = inCount && inShare;
            kept += keepComponent[c] ? 1 : 0;
        }
        boolean[] keepFace = new boolean[nf];
        for (int t = 0; t < nf; t++) {
            keepFace[t] = keepComponent[faceComponent[t]];
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("components_kept", kept);
        details.put("components_removed", components - kept);
        details.put("largest_area_share", components == 0 || total == 0 ? 0.0 : areas[order[0]] / total);
        return new Result(CleanStep.select(mesh, keepFace), details);
    }

    static double area(float[] v, int a, int b, int c) {
        double ux = v[3 * b] - v[3 * a], uy = v[3 * b + 1] - v[3 * a + 1], uz = v[3 * b + 2] - v[3 * a + 2];
        double wx = v[3 * c] - v[3 * a], wy = v[3 * c + 1] - v[3 * a + 1], wz = v[3 * c + 2] - v[3 * a + 2];
        double x = uy * wz - uz * wy, y = uz * wx - ux * wz, z = ux * wy - uy * wx;
        return 0.5 * Math.sqrt(x * x + y * y + z * z);
    }
}
