package org.isofield.datasets.metrics;

import java.util.Arrays;
import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * How much of an input cloud a reconstruction explains, with no ground truth: the share of input points within
 * {@code factor} of their own spacings (distance to their nearest other point) of the mesh, overall and per quartile
 * of depth (distance to a viewpoint, for a range scan) or of spacing (sparse quarter last, without a viewpoint). A
 * surface that breaks up or is trimmed away where the points are sparse shows as a low share in the far or sparse
 * quartile while the others stay near 1.
 */
public final class PointCoverage {
    private PointCoverage() {
    }

    /**
     * The coverage figures.
     *
     * @param share           covered share of all points
     * @param quartileShares  covered share in each quartile, nearest (or densest) first
     * @param quartileUpper   upper bound of each quartile's key (depth or spacing, world units)
     * @param by              {@code "depth"} or {@code "spacing"}
     * @param medianDistance  median distance from a point to the mesh, world units
     */
    public record Result(double share, double[] quartileShares, double[] quartileUpper, String by,
            double medianDistance) {
    }

    /**
     * Coverage of {@code cloud} by {@code mesh}.
     *
     * @param factor    a point is covered when its distance to the mesh is at most this many of its spacings
     * @param viewpoint the sensor position for depth quartiles, or null for spacing quartiles
     * @throws IllegalArgumentException for fewer than 4 points, a mesh without faces or a factor not above 0
     */
    public static Result of(TriangleMesh mesh, PointCloud cloud, double factor, Vec3d viewpoint) {
        Objects.requireNonNull(mesh, "mesh");
        Check.positive("factor", factor);
        int n = cloud.size();
        if (n < 4) {
            throw new IllegalArgumentException("coverage needs at least 4 points, found " + n);
        }
        if (mesh.faceCount() == 0) {
            throw new IllegalArgumentException("the mesh has no faces; expected a surface to measure against");
        }
        float[] p = cloud.positions();
        float[] d2 = new float[2 * n];
        KdTree.build(p).knn(p, 2, null, d2);
        float[] distance = new float[n];
        TriangleBvh.build(mesh).closestPoints(p, cloud.origin(), distance, null, null, null);
        double[] key = new double[n];
        boolean[] covered = new boolean[n];
        for (int i = 0; i < n; i++) {
            double spacing = Math.sqrt(d2[2 * i + 1]);
            covered[i] = distance[i] <= factor * spacing;
            key[i] = viewpoint == null ? spacing : Math.sqrt(sq(cloud.x(i) - viewpoint.x())
                    + sq(cloud.y(i) - viewpoint.y()) + sq(cloud.z(i) - viewpoint.z()));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : key[a] != key[b] ? Double.compare(key[a], key[b])
                : Integer.compare(a, b));
        double[] shares = new double[4];
        double[] upper = new double[4];
        int all = 0;
        for (int q = 0; q < 4; q++) {
            int from = (int) ((long) n * q / 4);
            int to = (int) ((long) n * (q + 1) / 4);
            int c = 0;
            for (int k = from; k < to; k++) {
                c += covered[order[k]] ? 1 : 0;
            }
            shares[q] = (double) c / (to - from);
            upper[q] = key[order[to - 1]];
            all += c;
        }
        float[] sorted = distance.clone();
        Arrays.sort(sorted);
        return new Result((double) all / n, shares, upper, viewpoint == null ? "spacing" : "depth", sorted[n / 2]);
    }

    private static double sq(double v) {
        return v * v;
    }
}
