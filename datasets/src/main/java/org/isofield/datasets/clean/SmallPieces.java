package org.isofield.datasets.clean;

import java.util.Arrays;
import org.isofield.core.Check;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.UnionFind;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Removes connected components with few faces. Components are the connected parts of the vertex graph (faces
 * sharing a vertex index are connected; positions are not compared, so run it on meshes with shared vertices such
 * as marching-cubes output). A component is kept when its face count is at least {@code minPieceFraction} times the
 * face
 * count of the largest component; the largest is always kept. Vertices no kept face uses are dropped and the rest
 * renumbered in their original order; vertex normals follow. Time and memory O(V + F).
 */
public final class SmallPieces {
    private static final int CHUNK = 1 << 15;
    /** The default threshold of {@code isofield extract}: pieces under 1% of the largest piece's faces go. */
    public static final double DEFAULT_MIN_PIECE_FRACTION = 0.01;

    private SmallPieces() {
    }

    /** Result of {@link #remove}: the cleaned mesh and what was taken away. */
    public record Result(TriangleMesh mesh, int componentsBefore, int componentsRemoved, int facesRemoved) {
    }

    /** Result of {@link #remove(DoubleMesh, double)}. */
    public record DoubleResult(DoubleMesh mesh, int componentsBefore, int componentsRemoved, int facesRemoved) {
    }

    /**
     * @param minPieceFraction 0 to 1: 0 keeps everything, 1 keeps only the largest component (and ties with it)
     */
    public static Result remove(TriangleMesh mesh, double minPieceFraction) {
        return remove(mesh, minPieceFraction, null, 0);
    }

    /**
     * As {@link #remove(TriangleMesh, double)}, but a piece is also kept when it is the nearest surface of at least
     * {@code minPoints} points of {@code cloud} (each point counts for the piece of its nearest mesh vertex): a
     * small piece that many input points lie on is scanned surface, however small beside the largest piece, such as
     * the far, sparse end of a depth frame that came out in several sheets. Time O((V + N) log V).
     *
     * @param cloud the points the mesh was made from, or null to judge by face count only
     * @param minPoints 0 or more; 0 judges by face count only
     */
    public static Result remove(TriangleMesh mesh, double minPieceFraction, PointCloud cloud, int minPoints) {
        Check.range("minPoints", minPoints, 0, Integer.MAX_VALUE);
        int[] support = cloud == null || minPoints == 0 || mesh.vertexCount() == 0 ? null : support(mesh, cloud);
        Plan plan = plan(mesh.vertexCount(), mesh.faces(), minPieceFraction, support, minPoints);
        float[] vin = mesh.vertices();
        float[] nin = mesh.normals();
        float[] vout = new float[3 * plan.kept];
        float[] nout = nin == null ? null : new float[3 * plan.kept];
        for (int v = 0; v < plan.remap.length; v++) {
            int r = plan.remap[v];
            if (r >= 0) {
                System.arraycopy(vin, 3 * v, vout, 3 * r, 3);
                if (nin != null) {
                    System.arraycopy(nin, 3 * v, nout, 3 * r, 3);
                }
            }
        }
        TriangleMesh cleaned = TriangleMesh.of(vout, plan.faces, nout, mesh.origin());
        return new Result(cleaned, plan.components, plan.removed, plan.facesRemoved);
    }

    /** As {@link #remove(TriangleMesh, double)} for a mesh with double coordinates, which are kept exactly. */
    public static DoubleResult remove(DoubleMesh mesh, double minPieceFraction) {
        Plan plan = plan(mesh.vertexCount(), mesh.faces(), minPieceFraction, null, 0);
        double[] vin = mesh.vertices();
        double[] vout = new double[3 * plan.kept];
        for (int v = 0; v < plan.remap.length; v++) {
            if (plan.remap[v] >= 0) {
                System.arraycopy(vin, 3 * v, vout, 3 * plan.remap[v], 3);
            }
        }
        return new DoubleResult(DoubleMesh.of(vout, plan.faces), plan.components, plan.removed, plan.facesRemoved);
    }

    /** Which vertices stay (their new index, or -1), the kept faces renumbered, and the counts. */
    private record Plan(int[] remap, int kept, int[] faces, int components, int removed, int facesRemoved) {
    }

    /** Per mesh vertex, how many points of the cloud have it as their nearest vertex. */
    private static int[] support(TriangleMesh mesh, PointCloud cloud) {
        KdTree tree = KdTree.build(mesh.vertices());
        Vec3d shift = cloud.origin().minus(mesh.origin());
        float[] p = cloud.positions();
        int n = cloud.size();
        int[] count = new int[mesh.vertexCount()];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] q = new float[3 * m];
            for (int i = 0; i < 3 * m; i += 3) {
                q[i] = (float) (shift.x() + p[3 * start + i]);
                q[i + 1] = (float) (shift.y() + p[3 * start + i + 1]);
                q[i + 2] = (float) (shift.z() + p[3 * start + i + 2]);
            }
            int[] nearest = new int[m];
            tree.nearest(q, nearest, new float[m]);
            for (int i = 0; i < m; i++) {
                count[nearest[i]]++;
            }
        }
        return count;
    }

    private static Plan plan(int nv, int[] f, double minPieceFraction, int[] support, int minPoints) {
        Check.range("minPieceFraction", minPieceFraction, 0.0, 1.0);
        int nf = f.length / 3;
        UnionFind uf = new UnionFind(nv);
        for (int t = 0; t < nf; t++) {
            uf.union(f[3 * t], f[3 * t + 1]);
            uf.union(f[3 * t], f[3 * t + 2]);
        }
        int[] faceCount = new int[nv];
        for (int t = 0; t < nf; t++) {
            faceCount[uf.find(f[3 * t])]++;
        }
        int[] points = new int[support == null ? 0 : nv];
        if (support != null) {
            for (int v = 0; v < nv; v++) {
                points[uf.find(v)] += support[v];
            }
        }
        int components = 0;
        int largest = 0;
        for (int v = 0; v < nv; v++) {
            if (uf.isRoot(v) && faceCount[v] > 0) {
                components++;
                largest = Math.max(largest, faceCount[v]);
            }
        }
        double threshold = minPieceFraction * largest;
        boolean[] keep = new boolean[nv];
        int[] remap = new int[nv];
        Arrays.fill(remap, -1);
        int[] keptFaces = new int[f.length];
        int kf = 0;
        int removedComponents = 0;
        for (int v = 0; v < nv; v++) {
            if (uf.isRoot(v) && faceCount[v] > 0) {
                keep[v] = faceCount[v] >= threshold || (support != null && points[v] >= minPoints);
                removedComponents += keep[v] ? 0 : 1;
            }
        }
        for (int t = 0; t < nf; t++) {
            if (keep[uf.find(f[3 * t])]) {
                for (int k = 0; k < 3; k++) {
                    keptFaces[kf++] = f[3 * t + k];
                }
            }
        }
        for (int i = 0; i < kf; i++) {
            remap[keptFaces[i]] = 0;
        }
        int next = 0;
        for (int v = 0; v < nv; v++) {
            if (remap[v] == 0) {
                remap[v] = next++;
            }
        }
        int[] fout = new int[kf];
        for (int i = 0; i < kf; i++) {
            fout[i] = remap[keptFaces[i]];
        }
        return new Plan(remap, next, fout, components, removedComponents, nf - kf / 3);
    }
}
