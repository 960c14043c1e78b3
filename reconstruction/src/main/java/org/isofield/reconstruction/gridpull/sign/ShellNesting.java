package org.isofield.reconstruction.gridpull.sign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.isofield.datasets.index.bvh.PointWindingNumber;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.MstOrientation;

/**
 * Orients the points' normals for {@link WindingSign}'s winding number so that a cavity's shell faces into the
 * cavity. {@link MstOrientation} makes normals agree along the neighbour graph and turns each part of it away from
 * the centroid; a hollow object's inner shell then faces outward, like the outer one, and the winding number is 2 in
 * the cavity instead of 0. Two rules turn such shells inward:
 * <ul>
 * <li><b>Parts.</b> At a part's own points its own discs add about 0.5, so the rest adds {@code w - 0.5}: the number
 * of parts around it. A part inside an odd number of others bounds a cavity and is flipped (parts under
 * {@code min_shell_fraction} of the points are left as they are). This needs the shells to be separate parts.</li>
 * <li><b>Points.</b> Noise of the order of the wall's thickness joins the shells in the neighbour graph (the noisy
 * bumper bot: a few edges across a wall 9 cells thick), and the spanning tree carries the outer shell's side onto
 * the inner one. So each point also looks at both of its sides, {@code eps} = 2 median 8th-neighbour distances away
 * along its normal: a surface at nesting depth {@code k} facing outward has winding number {@code k} in front and
 * {@code k + 1} behind; odd {@code k} means it bounds a cavity. Values are divided by the median jump (behind minus
 * in front) over all points first. A point votes to flip when {@code round(front)} is odd and the jump is within 0.5
 * of 1; it is flipped when most of its {@code vote_neighbours} nearest points (itself included) vote so, and
 * the flips count only when at least {@code min_shell_fraction} of the points flip (a shell, not a few stray
 * points).</li>
 * </ul>
 * The median jump also rescales the disc areas where it exceeds 1: on a noisy cloud the 3D 8th-neighbour distance
 * overestimates the sampling's area and with it every winding number, which lifted the outside along thin noisy
 * parts above the inside level. Where it is below 1 (a clean cloud) the probes sit too close to see the whole jump,
 * and the areas stay. The measured jumps are in docs/decisions/gridpull-sign-repair.md.
 */
final class ShellNesting {
    /** Points per part whose winding numbers give the part's median (an estimate, not a count). */
    private static final int PART_PROBES = 64;
    /** What a part's own discs add to the winding number at its points: half a full turn. */
    private static final double OWN_DISCS = 0.5;
    /** A point's jump counts as one crossing when it is nearer 1 than 0 or 2. */
    private static final double HALF_JUMP = 0.5;
    private static final int CHUNK = 1 << 16;

    /**
     * The winding number of the oriented points.
     *
     * @param winding the winding number with the turned normals
     * @param turnedParts parts of the neighbour graph turned inward by the part rule
     * @param turnedPoints points turned inward by the point rule
     * @param unit the median jump of the winding number across the points (1 when there is no consistent jump);
     *     the disc areas were divided by it where it exceeds 1
     */
    record Oriented(PointWindingNumber winding, int turnedParts, int turnedPoints, double unit) {
        /** Whether either rule found a cavity's shell. */
        boolean turnedInward() {
            return turnedParts > 0 || turnedPoints > 0;
        }
    }

    private ShellNesting() {
    }

    /**
     * @param lattice positions, {@code 3N}
     * @param tree a KD-tree over {@code lattice}
     * @param pca unoriented unit normals; not changed
     * @param kth each point's 8th-neighbour distance, in the units of {@code lattice}
     */
    static Oriented orient(float[] lattice, KdTree tree, float[] pca, float[] kth, SignRepairConfig config) {
        float[] normals = pca.clone();
        MstOrientation.Oriented graph = MstOrientation.orient(lattice, normals, tree, null);
        float[] areas = new float[kth.length];
        for (int i = 0; i < kth.length; i++) {
            areas[i] = (float) (Math.PI * kth[i] * kth[i] / 8);
        }
        PointWindingNumber w = new PointWindingNumber(lattice, normals, areas);
        int turnedParts = graph.parts() > 1 ? turnParts(lattice, normals, graph, w, config.minShellFraction()) : 0;
        if (turnedParts > 0) {
            w = new PointWindingNumber(lattice, normals, areas);
        }
        float[] sorted = kth.clone();
        Arrays.sort(sorted);
        double[] sides = w.at(sides(lattice, normals, (float) (config.sideDistance() * sorted[sorted.length / 2])));
        double unit = medianJump(sides);
        if (!(unit > config.minJump())) {
            return new Oriented(w, turnedParts, 0, 1); // no consistent inside behind the normals: misoriented
        }
        int turnedPoints = turnPoints(lattice, normals, tree, sides, unit, config);
        double scale = Math.max(1, unit);
        if (turnedPoints == 0 && scale == 1) {
            return new Oriented(w, turnedParts, 0, unit); // as oriented and as scaled: the winding number stands
        }
        for (int i = 0; i < areas.length; i++) {
            areas[i] /= (float) scale;
        }
        return new Oriented(new PointWindingNumber(lattice, normals, areas), turnedParts, turnedPoints, unit);
    }

    /** The part rule; returns how many parts it flipped in {@code normals}. */
    private static int turnParts(float[] lattice, float[] normals, MstOrientation.Oriented graph,
            PointWindingNumber w, double minPartFraction) {
        int n = lattice.length / 3;
        int[] partOf = graph.partOf();
        int[] size = new int[graph.parts()];
        for (int p : partOf) {
            size[p]++;
        }
        boolean[] flip = new boolean[graph.parts()];
        int turned = 0;
        for (int part = 0; part < graph.parts(); part++) {
            if (size[part] < minPartFraction * n) {
                continue;
            }
            int stride = Math.max(1, size[part] / PART_PROBES);
            List<Double> ws = new ArrayList<>();
            int seen = 0;
            for (int i = 0; i < n; i++) {
                if (partOf[i] == part && seen++ % stride == 0) {
                    ws.add(w.at(lattice[3 * i], lattice[3 * i + 1], lattice[3 * i + 2]));
                }
            }
            Collections.sort(ws);
            long around = Math.round(ws.get(ws.size() / 2) - OWN_DISCS);
            flip[part] = around % 2 == 1;
            turned += flip[part] ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            if (flip[partOf[i]]) {
                negate(normals, i);
            }
        }
        return turned;
    }

    /** Probes {@code eps} behind (the first N) and in front of (the next N) every point along its normal. */
    private static float[] sides(float[] lattice, float[] normals, float eps) {
        int n = lattice.length / 3;
        float[] sides = new float[6 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                sides[3 * i + a] = lattice[3 * i + a] - eps * normals[3 * i + a];
                sides[3 * (n + i) + a] = lattice[3 * i + a] + eps * normals[3 * i + a];
            }
        }
        return sides;
    }

    /** The median over the points of the winding number behind minus in front. */
    private static double medianJump(double[] sides) {
        int n = sides.length / 2;
        double[] jump = new double[n];
        for (int i = 0; i < n; i++) {
            jump[i] = sides[i] - sides[n + i];
        }
        Arrays.sort(jump);
        return jump[n / 2];
    }

    /** The point rule; returns how many points it flipped in {@code normals} (0 when too few would flip). */
    private static int turnPoints(float[] lattice, float[] normals, KdTree tree, double[] sides, double unit,
            SignRepairConfig config) {
        int n = lattice.length / 3;
        boolean[] vote = new boolean[n];
        for (int i = 0; i < n; i++) {
            long depth = Math.round(sides[n + i] / unit);
            vote[i] = depth % 2 == 1 && Math.abs((sides[i] - sides[n + i]) / unit - 1) < HALF_JUMP;
        }
        boolean[] flip = new boolean[n];
        int flips = 0;
        int k = Math.min(config.voteNeighbours(), n);
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            int[] idx = new int[m * k];
            tree.knn(Arrays.copyOfRange(lattice, 3 * start, 3 * (start + m)), k, idx, null);
            for (int i = 0; i < m; i++) {
                int votes = 0;
                for (int j = 0; j < k; j++) {
                    votes += vote[idx[i * k + j]] ? 1 : 0;
                }
                flip[start + i] = 2 * votes > k;
                flips += flip[start + i] ? 1 : 0;
            }
        }
        if (flips < config.minShellFraction() * n) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            if (flip[i]) {
                negate(normals, i);
            }
        }
        return flips;
    }

    private static void negate(float[] normals, int i) {
        normals[3 * i] = -normals[3 * i];
        normals[3 * i + 1] = -normals[3 * i + 1];
        normals[3 * i + 2] = -normals[3 * i + 2];
    }
}
