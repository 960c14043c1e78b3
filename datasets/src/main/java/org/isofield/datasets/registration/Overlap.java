package org.isofield.datasets.registration;

import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * How well a scan {@code b} lies on a scan {@code a} where they overlap: for each point of {@code b} the distance to
 * its nearest point of {@code a}; the points whose distance is at most {@code distance} form the overlap. Reports
 * the RMS of those nearest-neighbour distances, the overlap's share of {@code b}'s points and, when {@code a} has
 * normals, the RMS of the same pairs' point-to-plane distances (what {@link PointToPlaneIcp} minimises, and the
 * better estimate of the scanner's noise, since a point-to-point distance also contains the sampling offset of up
 * to about half the spacing). Computed in world coordinates via doubles; deterministic.
 */
public final class Overlap {
    private static final int GRAIN = 4096;

    /**
     * The measured agreement.
     *
     * @param rms RMS nearest-neighbour distance over the overlap (NaN when it is empty)
     * @param planeRms RMS point-to-plane distance over the overlap along {@code a}'s normals, NaN without normals
     * @param share the overlap's fraction of {@code b}'s points, 0 to 1
     * @param points the number of points of {@code b} in the overlap
     * @param distance the overlap's distance bound
     */
    public record Result(double rms, double planeRms, double share, int points, double distance) {
    }

    private Overlap() {
    }

    /** The agreement of {@code b} with {@code a} within {@code distance} (above 0). */
    public static Result measure(PointCloud a, PointCloud b, double distance) {
        return measure(a, KdTree.build(a), a.normals(), b, distance);
    }

    /**
     * The same with a prepared tree over {@code a}'s stored positions and normals for {@code a} (3 per point, or
     * null for none; zero normals are skipped in {@code planeRms}).
     */
    public static Result measure(PointCloud a, KdTree tree, float[] normals, PointCloud b, double distance) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!(distance > 0) || Double.isInfinite(distance)) {
            throw new IllegalArgumentException("distance = " + distance + "; expected a finite number above 0");
        }
        int n = b.size();
        if (n == 0) {
            return new Result(Double.NaN, Double.NaN, 0, 0, distance);
        }
        Vec3d shift = b.origin().minus(a.origin());
        float[] pb = b.positions();
        float[] q = new float[pb.length];
        for (int i = 0; i < pb.length; i += 3) {
            q[i] = (float) (pb[i] + shift.x());
            q[i + 1] = (float) (pb[i + 1] + shift.y());
            q[i + 2] = (float) (pb[i + 2] + shift.z());
        }
        int[] index = new int[n];
        float[] dist2 = new float[n];
        tree.nearest(q, index, dist2);
        float[] pa = a.positions();
        double limit2 = distance * distance;
        double[] sums = new double[4];
        for (double[] s : Parallel.mapChunks(n, GRAIN, (chunk, start, end) -> {
            double[] part = new double[4];
            for (int i = start; i < end; i++) {
                if (dist2[i] > limit2) {
                    continue;
                }
                int j = index[i];
                part[0] += dist2[i];
                part[1] += 1;
                if (normals != null) {
                    double nx = normals[3 * j];
                    double ny = normals[3 * j + 1];
                    double nz = normals[3 * j + 2];
                    if (nx != 0 || ny != 0 || nz != 0) {
                        double r = (q[3 * i] - pa[3 * j]) * nx + (q[3 * i + 1] - pa[3 * j + 1]) * ny
                                + (q[3 * i + 2] - pa[3 * j + 2]) * nz;
                        part[2] += r * r;
                        part[3] += 1;
                    }
                }
            }
            return part;
        })) {
            for (int k = 0; k < 4; k++) {
                sums[k] += s[k];
            }
        }
        int points = (int) sums[1];
        double rms = points == 0 ? Double.NaN : Math.sqrt(sums[0] / points);
        double planeRms = sums[3] == 0 ? Double.NaN : Math.sqrt(sums[2] / sums[3]);
        return new Result(rms, planeRms, points / (double) n, points, distance);
    }
}
