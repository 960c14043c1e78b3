package org.isofield.reconstruction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.SymmetricEigen;
import org.isofield.datasets.geom.Vec3d;

/**
 * Checks a point cloud before reconstruction and removes exact duplicates. Errors ({@link InvalidCloudException})
 * for: no points; a non-finite coordinate (the first one is named); fewer than {@value #MIN_POINTS} distinct points
 * (all points equal is said so); all points on one line or in one plane (the smallest spread of the points,
 * from their covariance, is below {@value #FLAT_RATIO} of the largest). Exact duplicates (bit-identical positions)
 * are documented as harmless: all but the first copy are dropped, so point spacing stays meaningful.
 */
public final class CloudChecks {
    /** The fewest distinct points a reconstruction accepts. */
    public static final int MIN_POINTS = 10;
    /** Relative spread under which a direction counts as flat. */
    public static final double FLAT_RATIO = 1e-5;

    private CloudChecks() {
    }

    /** A checked cloud: the distinct points and how many duplicates were dropped. */
    public record Checked(PointCloud cloud, int duplicatesRemoved) {
    }

    /**
     * As {@link #check(PointCloud)}, recording {@code input_points} and {@code duplicates_removed} in a method's
     * report details.
     */
    public static PointCloud check(PointCloud input, Map<String, Object> details) {
        Checked checked = check(input);
        details.put("input_points", input.size());
        details.put("duplicates_removed", checked.duplicatesRemoved());
        return checked.cloud();
    }

    /** Checks {@code cloud} and drops its exact duplicates (normals and colours are not kept). */
    public static Checked check(PointCloud cloud) {
        Objects.requireNonNull(cloud, "cloud");
        int n = cloud.size();
        if (n == 0) {
            throw new InvalidCloudException("the point cloud is empty; expected at least " + MIN_POINTS + " points");
        }
        float[] p = cloud.positions();
        for (int i = 0; i < p.length; i++) {
            if (!Float.isFinite(p[i])) {
                int q = i / 3;
                throw new InvalidCloudException(String.format(Locale.ROOT,
                        "point %d has a non-finite coordinate (%s, %s, %s); expected finite coordinates "
                                + "(drop such points when reading, e.g. --drop-non-finite)", q, p[3 * q], p[3 * q + 1],
                        p[3 * q + 2]));
            }
        }
        float[] distinct = distinct(p);
        int m = distinct.length / 3;
        if (m == 1) {
            throw new InvalidCloudException("all " + n + " points are the same point " + cloud.origin().plus(
                    new Vec3d(p[0], p[1], p[2])) + "; expected at least " + MIN_POINTS
                    + " distinct points on a surface");
        }
        if (m < MIN_POINTS) {
            throw new InvalidCloudException("the cloud has " + m + " distinct points (" + n
                    + " given); expected at least "
                    + MIN_POINTS);
        }
        double[] spread = spread(distinct);
        if (spread[1] < FLAT_RATIO * spread[0]) {
            throw new InvalidCloudException(String.format(Locale.ROOT,
                    "the %d points lie on one line (spread %.3g across "
                    + "it against %.3g along it); expected a sample of a surface with extent in three directions", m,
                    spread[1], spread[0]));
        }
        if (spread[2] < FLAT_RATIO * spread[0]) {
            throw new InvalidCloudException(String.format(Locale.ROOT,
                    "the %d points lie in one plane (spread %.3g across "
                    + "it against %.3g within it); expected a sample of a closed surface, with extent in three "
                    + "directions", m, spread[2], spread[0]));
        }
        PointCloud out = m == n ? cloud : PointCloud.of(distinct, cloud.origin());
        return new Checked(out, n - m);
    }

    /** Positions with bit-identical repeats removed, first copies kept in input order. */
    static float[] distinct(float[] p) {
        int n = p.length / 3;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long h = Float.floatToIntBits(p[3 * i]) * 0x9E3779B97F4A7C15L;
            h = (h ^ Float.floatToIntBits(p[3 * i + 1])) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ Float.floatToIntBits(p[3 * i + 2])) * 0x165667B19E3779F9L;
            keys[i] = (h & 0xFFFFFFFF00000000L) | i;
        }
        Arrays.sort(keys);
        boolean[] drop = new boolean[n];
        int dropped = 0;
        for (int a = 0; a < n; ) {
            int b = a + 1;
            while (b < n && (keys[b] >>> 32) == (keys[a] >>> 32)) {
                b++;
            }
            for (int x = a; x < b; x++) {
                int i = (int) keys[x];
                for (int y = a; y < x && !drop[i]; y++) {
                    int j = (int) keys[y];
                    if (!drop[j] && p[3 * i] == p[3 * j] && p[3 * i + 1] == p[3 * j + 1] && p[3 * i + 2] == p[3 * j + 2]
                            && Float.floatToIntBits(p[3 * i]) == Float.floatToIntBits(p[3 * j])) {
                        drop[Math.max(i, j)] = true;
                        dropped++;
                    }
                }
            }
            a = b;
        }
        if (dropped == 0) {
            return p;
        }
        float[] out = new float[3 * (n - dropped)];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (!drop[i]) {
                out[o++] = p[3 * i];
                out[o++] = p[3 * i + 1];
                out[o++] = p[3 * i + 2];
            }
        }
        return out;
    }

    /** Standard deviations along the principal axes, largest first. */
    static double[] spread(float[] p) {
        int n = p.length / 3;
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                mean[a] += p[3 * i + a];
            }
        }
        for (int a = 0; a < 3; a++) {
            mean[a] /= n;
        }
        double[][] c = new double[3][3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    c[a][b] += (p[3 * i + a] - mean[a]) * (p[3 * i + b] - mean[b]);
                }
            }
        }
        double[] ev = SymmetricEigen.values(c);
        double[] s = new double[3];
        for (int a = 0; a < 3; a++) {
            s[a] = Math.sqrt(Math.max(0, ev[a] / n));
        }
        return s;
    }
}
