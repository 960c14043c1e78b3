package org.isofield.reconstruction.mc;

import java.util.Arrays;
import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Trims a mesh by distance to a point cloud: every face with a vertex farther than {@code distance} (world units)
 * from the nearest point is removed, and vertices no face uses any more are dropped. For open surfaces, whose
 * zero set continues past the edge of the scanned sheet. Afterwards no vertex is farther than {@code distance} from
 * the cloud (or than its nearest point's own allowance). Normals are kept; vertex order is kept among the survivors.
 */
public final class Trim {
    private static final int CHUNK = 1 << 16;

    private Trim() {
    }

    /** The trimmed mesh, how many faces went, and the largest vertex distance to the cloud that was kept. */
    public record Result(TriangleMesh mesh, int facesRemoved, double maxKeptDistance) {
    }

    public static Result byDistance(TriangleMesh mesh, PointCloud cloud, double distance) {
        return byDistance(mesh, cloud, distance, null);
    }

    /**
     * As {@link #byDistance(TriangleMesh, PointCloud, double)} with an allowance per point: a vertex stays when its
     * distance to its nearest point {@code n} is at most {@code max(distance, pointDistance[n])}, so a sheet through
     * a sparse part of the cloud is trimmed at that part's own spacing rather than the cloud's mean.
     *
     * @param pointDistance per point, the largest distance it lets a vertex keep; null for {@code distance}
     */
    public static Result byDistance(TriangleMesh mesh, PointCloud cloud, double distance, float[] pointDistance) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(cloud, "cloud");
        Check.positive("distance", distance);
        if (pointDistance != null && pointDistance.length != cloud.size()) {
            throw new IllegalArgumentException("pointDistance: " + pointDistance.length + " distances for "
                    + cloud.size() + " points; expected one per point");
        }
        int[] nearest = pointDistance == null ? null : new int[mesh.vertexCount()];
        double[] d = distances(mesh, cloud, nearest);
        boolean[] keep = new boolean[d.length];
        for (int v = 0; v < d.length; v++) {
            keep[v] = d[v] <= (pointDistance == null ? distance : Math.max(distance, pointDistance[nearest[v]]));
        }
        int[] f = mesh.faces();
        int[] kept = new int[f.length];
        int kf = 0;
        for (int t = 0; t < f.length; t += 3) {
            if (keep[f[t]] && keep[f[t + 1]] && keep[f[t + 2]]) {
                kept[kf++] = f[t];
                kept[kf++] = f[t + 1];
                kept[kf++] = f[t + 2];
            }
        }
        int nv = mesh.vertexCount();
        int[] remap = new int[nv];
        Arrays.fill(remap, -1);
        for (int i = 0; i < kf; i++) {
            remap[kept[i]] = 0;
        }
        int next = 0;
        double maxKept = 0;
        for (int v = 0; v < nv; v++) {
            if (remap[v] == 0) {
                remap[v] = next++;
                maxKept = Math.max(maxKept, d[v]);
            }
        }
        float[] vin = mesh.vertices();
        float[] nin = mesh.normals();
        float[] vout = new float[3 * next];
        float[] nout = nin == null ? null : new float[3 * next];
        for (int v = 0; v < nv; v++) {
            if (remap[v] >= 0) {
                System.arraycopy(vin, 3 * v, vout, 3 * remap[v], 3);
                if (nout != null) {
                    System.arraycopy(nin, 3 * v, nout, 3 * remap[v], 3);
                }
            }
        }
        int[] fout = new int[kf];
        for (int i = 0; i < kf; i++) {
            fout[i] = remap[kept[i]];
        }
        return new Result(TriangleMesh.of(vout, fout, nout, mesh.origin()), (f.length - kf) / 3, maxKept);
    }

    /** Per mesh vertex, the distance to the nearest point of the cloud (world units). */
    public static double[] distances(TriangleMesh mesh, PointCloud cloud) {
        return distances(mesh, cloud, null);
    }

    /** As {@link #distances(TriangleMesh, PointCloud)}, also storing each vertex's nearest point in {@code nearest}. */
    private static double[] distances(TriangleMesh mesh, PointCloud cloud, int[] nearest) {
        KdTree tree = KdTree.build(cloud.positions());
        Vec3d shift = mesh.origin().minus(cloud.origin());
        float[] v = mesh.vertices();
        int n = mesh.vertexCount();
        double[] out = new double[n];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] q = new float[3 * m];
            for (int i = 0; i < m; i++) {
                q[3 * i] = (float) (shift.x() + v[3 * (start + i)]);
                q[3 * i + 1] = (float) (shift.y() + v[3 * (start + i) + 1]);
                q[3 * i + 2] = (float) (shift.z() + v[3 * (start + i) + 2]);
            }
            float[] d2 = new float[m];
            int[] idx = nearest == null ? null : new int[m];
            tree.nearest(q, idx, d2);
            for (int i = 0; i < m; i++) {
                out[start + i] = Math.sqrt(d2[i]);
            }
            if (idx != null) {
                System.arraycopy(idx, 0, nearest, start, m);
            }
        }
        return out;
    }
}
