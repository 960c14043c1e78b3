package org.isofield.reconstruction.gridpull.sign;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.datasets.index.bvh.PointWindingNumber;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.MstOrientation;
import org.isofield.reconstruction.gridpull.BandBuilder;
import org.isofield.reconstruction.gridpull.SparseGrid;

/**
 * Finds and repairs a flood fill that leaked through holes in the sampling. GridPull's band calls outside every
 * brick the grid boundary reaches through bricks without points nearby; a scan of a closed object with holes wider
 * than the band (the bottom of the Stanford bunny, an unscanned underside) lets that fill into the object, which
 * then has no inside and the optimised field makes a rough double sheet.
 *
 * <p>The check: PCA normals oriented along a minimum spanning tree ({@link MstOrientation}, each part pointing
 * away from the centroid), the cloud's winding number ({@link PointWindingNumber}, each point a disc of area
 * {@code pi d_8^2 / 8}, d_8 its 8th-neighbour distance) at the centre of every brick without storage. Bricks the
 * flood fill calls outside where the winding number exceeds {@code leak_winding} (well inside: an open sheet such
 * as a single range scan stays below about 0.7 everywhere) count as leaked; so do far samples of the band (every
 * {@code probe_stride}th is probed), where a noisy sampling's holes leak at the sample level while the bricks stay
 * sealed. At least {@code min_leaked_bricks} leaked bricks (or {@code min_leaked_probes} probes) that are also
 * {@code min_leaked_fraction} of those with winding number above {@code inside_winding} trigger the repair: the
 * object's interior is the set of bricks connected through bricks with winding number above {@code inside_winding}
 * (at their centres) to one above {@code leak_winding}; bricks without storage in it, and far band samples in or
 * next to it above {@code inside_winding}, become inside (what the flood fill called inside stays so). The
 * hysteresis keeps out stray regions that a few misoriented normals (a thin, noisy ear) lift above the inside level.
 * Then, for a leak ({@link LeakRegions}): regions of samples turned inside whose median winding number is not above
 * {@code leak_winding} stay outside (the outside along a thin noisy part), the far samples that the repaired inside
 * and the band enclose become inside (a thin part's inside that the leak had reached), and the hole's fill gets
 * bricks and smooth starting values ({@link HoleFill}). A watertight sampling never triggers it, so its result
 * stays that of the flood fill; a misoriented cloud gives winding numbers near 0 or -1 inside and does not trigger
 * it either.
 *
 * <p>Cavities, the other way round: a hollow part's inner shell, turned inward by {@link ShellNesting} (as a part
 * of the neighbour graph inside an odd number of others, or point by point where noise joins it to the outer
 * shell). Only then, flood-inside bricks and probes with winding number below {@code cavity_winding} (at least as
 * many and as large a fraction of the flood-inside ones as above) make the region connected through at most the
 * inside level to below {@code cavity_winding} outside. Without a turned shell the cavity test is off.
 *
 * <p>The check does not write into the band it is given: a repair comes back as a {@link Labelling}, which the
 * caller applies. Thresholds: {@link SignRepairConfig}; the figures behind them:
 * docs/decisions/gridpull-sign-repair.md.
 */
public final class WindingSign {
    /** A brick's centre from its first sample, in samples: (8 - 1) / 2. */
    private static final float CENTRE = (SparseGrid.BRICK - 1) / 2f;

    private WindingSign() {
    }

    /**
     * A repaired labelling of the band: the grid to sign (the band's bricks, with the relabelled bricks without
     * storage and any bricks added for a hole's fill), each sample's distance and side, and the fill's samples with
     * their starting values. {@link BandBuilder#resign} signs it; then the fill's samples take {@link #fillStart}.
     *
     * @param grid the grid with the new brick labels; its values are the flood fill's until it is signed again
     * @param distance each sample's distance to the nearest point, cells
     * @param inside each sample's new side (true inside)
     * @param fillSlots the samples of a hole's fill, for the optimiser to smooth
     * @param fillStart their starting values, a ramp of the winding number (same order)
     */
    public record Labelling(SparseGrid grid, float[] distance, boolean[] inside, int[] fillSlots, float[] fillStart) {
        /** Signs the band again with this labelling (writing into {@link #grid}'s values) and starts the fill. */
        public BandBuilder.Band apply(double nearDistance) {
            BandBuilder.Band signed = BandBuilder.resign(grid, distance, nearDistance, inside);
            for (int a = 0; a < fillSlots.length; a++) {
                signed.grid().values[fillSlots[a]] = fillStart[a];
            }
            return signed;
        }
    }

    /**
     * What the check found.
     *
     * @param labelling the repaired labelling, or null when the flood fill's stands
     * @param leakedBricks bricks outside by the flood fill but inside by the winding number
     * @param windingInsideBricks bricks without storage inside by the winding number
     * @param leakedProbes probed far band samples outside by the flood fill but inside by the winding number
     * @param windingInsideProbes probed far band samples inside by the winding number
     * @param hollow bricks and probes inside by the flood fill but outside by the winding number (a cavity)
     * @param turnedPoints points {@link ShellNesting}'s point rule turned inward
     * @param jump the median jump of the winding number across the points ({@link ShellNesting})
     * @param keptOutside far samples the repair would have turned inside but {@link LeakRegions} kept outside
     * @param fillBricks bricks without storage added for a hole's fill ({@link HoleFill})
     * @param enclosed far samples left outside by the repair but enclosed by the band and the repaired inside,
     *     turned inside ({@link LeakRegions#enclosed}; leaks only)
     */
    public record Result(Labelling labelling, int leakedBricks, int windingInsideBricks, int leakedProbes,
            int windingInsideProbes, int hollow, int turnedPoints, double jump, int keptOutside, int fillBricks,
            int enclosed) {
        /** Whether the band is to be signed again. */
        public boolean repaired() {
            return labelling != null;
        }

        /** The far samples of a hole's fill (empty without a repair). */
        public int[] fillSlots() {
            return repaired() ? labelling.fillSlots() : new int[0];
        }

        /** The check's figures for a reconstruction report ({@code sign} and, when repaired, the repair's). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leaked_bricks", leakedBricks);
            m.put("winding_inside_bricks", windingInsideBricks);
            m.put("leaked_probes", leakedProbes);
            m.put("winding_inside_probes", windingInsideProbes);
            m.put("hollow", hollow);
            m.put("turned_inward_points", turnedPoints);
            m.put("winding_jump", jump);
            m.put("leak_samples_kept_outside", keptOutside);
            if (repaired()) {
                m.put("fill_samples", labelling.fillSlots().length);
                m.put("fill_bricks", fillBricks);
                m.put("enclosed_samples", enclosed);
            }
            return m;
        }
    }

    /**
     * @param band the flood-filled band; not changed
     * @param lattice point positions in lattice coordinates, {@code 3N}
     * @param tree a KD-tree over {@code lattice}
     * @param pca unoriented unit normals of the points; not changed
     * @param kth each point's distance to its 8th nearest neighbour, in lattice cells
     * @param nearDistance the band's near distance in cells
     */
    public static Result check(BandBuilder.Band band, float[] lattice, KdTree tree, float[] pca, float[] kth,
            double nearDistance, SignRepairConfig config) {
        ShellNesting.Oriented oriented = ShellNesting.orient(lattice, tree, pca, kth, config);
        PointWindingNumber winding = oriented.winding();
        SparseGrid flood = band.grid();
        int nb = flood.nb;
        int bricks = flood.label.length;
        float[] centres = new float[3 * bricks];
        for (int b = 0; b < bricks; b++) {
            centres[3 * b] = (b % nb) * SparseGrid.BRICK + CENTRE;
            centres[3 * b + 1] = (b / nb % nb) * SparseGrid.BRICK + CENTRE;
            centres[3 * b + 2] = (b / nb / nb) * SparseGrid.BRICK + CENTRE;
        }
        double[] w = winding.at(centres);
        Tally unstored = new Tally(config);
        for (int b = 0; b < bricks; b++) {
            if (flood.directory[b] < 0) {
                unstored.add(w[b], flood.label[b]);
            }
        }
        float[] distance = band.distance();
        int[] farSlots = farSlots(distance, nearDistance);
        float[] q = flood.positions(farSlots);
        int stride = config.probeStride();
        int probes = (farSlots.length + stride - 1) / stride;
        float[] probe = new float[3 * probes];
        for (int a = 0; a < probes; a++) {
            System.arraycopy(q, 3 * a * stride, probe, 3 * a, 3);
        }
        double[] wp = winding.at(probe);
        Tally probed = new Tally(config);
        for (int a = 0; a < probes; a++) {
            probed.add(wp[a], flood.values[farSlots[a * stride]]);
        }
        int leaked = unstored.leaked;
        int inside = unstored.inside;
        int hollow = unstored.hollow;
        int leakedProbes = probed.leaked;
        int insideProbes = probed.inside;
        int hollowProbes = probed.hollow;
        boolean leak = triggers(leaked, inside, leakedProbes, insideProbes, config);
        // a cavity is bounded by an inner shell that a nesting rule turned inward; without one, winding numbers
        // below the cavity level inside are misoriented normals (the sword: 42k such samples)
        boolean cavity = oriented.turnedInward()
                && triggers(hollow, unstored.floodInside, hollowProbes, probed.floodInside, config);
        if (!leak && !cavity) {
            return new Result(null, leaked, inside, leakedProbes, insideProbes, hollow + hollowProbes,
                    oriented.turnedPoints(), oriented.unit(), 0, 0, 0);
        }
        // the flood fill's grid with the repaired labels of the bricks without storage; its values stay the flood's
        byte[] labels = flood.label.clone();
        boolean[] interior = region(w, nb, true, config);
        boolean[] exterior = region(w, nb, false, config);
        for (int b = 0; b < bricks; b++) {
            if (flood.directory[b] < 0 && interior[b]) {
                labels[b] = -1;
            } else if (flood.directory[b] < 0 && exterior[b]) {
                labels[b] = 1;
            }
        }
        SparseGrid grid = new SparseGrid(flood.n, flood.directory, labels, flood.brickCells, flood.values,
                flood.farValue);
        double[] ws = winding.at(q);
        boolean[] in = new boolean[distance.length];
        for (int s = 0; s < distance.length; s++) {
            in[s] = grid.values[s] < 0;
        }
        boolean[] nearInterior = dilate(interior, nb);
        boolean[] nearExterior = dilate(exterior, nb);
        for (int a = 0; a < farSlots.length; a++) {
            int s = farSlots[a];
            int brick = grid.brickCells[s / SparseGrid.BRICK_SAMPLES];
            if (ws[a] > config.insideWinding() && nearInterior[brick]) {
                in[s] = true;
            } else if (ws[a] <= config.insideWinding() && nearExterior[brick]) {
                in[s] = false;
            }
        }
        boolean[] turnedIn = new boolean[farSlots.length];
        for (int a = 0; a < farSlots.length; a++) {
            turnedIn[a] = in[farSlots[a]] && grid.values[farSlots[a]] >= 0;
        }
        int reverted = LeakRegions.keepInterior(grid, farSlots, ws, in, config.leakWinding());
        // the hole's fill: far samples between surely outside and surely inside, optimised by the smoothness terms
        int fills = 0;
        int[] fill = new int[farSlots.length];
        for (int a = 0; a < farSlots.length; a++) {
            if (leak && ws[a] > config.cavityWinding() && ws[a] < config.leakWinding()
                    && !(turnedIn[a] && !in[farSlots[a]])) {
                fill[fills++] = farSlots[a];
            }
        }
        // a cavity's outside is enclosed by its shell: there the second fill would undo the repair
        int enclosed = leak && !cavity ? LeakRegions.enclosed(grid, distance, nearDistance, in) : 0;
        HoleFill.Extended fillBand = leak ? HoleFill.extend(grid, distance, in, Arrays.copyOf(fill, fills), w, winding,
                tree, config) : new HoleFill.Extended(grid, distance, in, new int[0], 0);
        float[] start = HoleFill.start(fillBand.grid(), fillBand.distance(), fillBand.fillSlots(), winding, config);
        Labelling labelling = new Labelling(fillBand.grid(), fillBand.distance(), fillBand.in(), fillBand.fillSlots(),
                start);
        return new Result(labelling, leaked, inside, leakedProbes, insideProbes, hollow + hollowProbes,
                oriented.turnedPoints(), oriented.unit(), reverted, fillBand.addedBricks(), enclosed);
    }

    /** Counts of bricks (or probes) by their winding number {@code w} and the flood fill's side. */
    private static final class Tally {
        private final SignRepairConfig config;
        int inside;
        int leaked;
        int floodInside;
        int hollow;

        Tally(SignRepairConfig config) {
            this.config = config;
        }

        /** One brick or probe; {@code side} is positive outside by the flood fill, negative inside. */
        void add(double w, double side) {
            inside += w > config.insideWinding() ? 1 : 0;
            leaked += w > config.leakWinding() && side > 0 ? 1 : 0;
            floodInside += side < 0 ? 1 : 0;
            hollow += w < config.cavityWinding() && side < 0 ? 1 : 0;
        }
    }

    /** Enough marked bricks (or probes), and a large enough share of the reference ones, to act on. */
    private static boolean triggers(int bricks, int ofBricks, int probes, int ofProbes, SignRepairConfig config) {
        return (bricks >= config.minLeakedBricks() && bricks >= config.minLeakedFraction() * ofBricks)
                || (probes >= config.minLeakedProbes() && probes >= config.minLeakedFraction() * ofProbes);
    }

    /**
     * Inside: the bricks connected (6-neighbours) through bricks with winding number above {@code inside_winding} at
     * their centre to one above {@code leak_winding}: the object's inside, without the stray regions a few
     * misoriented normals (a thin, noisy part) lift above the inside level. Outside: the same with at most the inside
     * level, seeded below {@code cavity_winding} (the outside and the cavities).
     */
    static boolean[] region(double[] w, int nb, boolean inside, SignRepairConfig config) {
        double seed = inside ? config.leakWinding() : config.cavityWinding();
        double level = config.insideWinding();
        boolean[] mark = new boolean[w.length];
        int[] queue = new int[w.length];
        int tail = 0;
        for (int b = 0; b < w.length; b++) {
            if (inside ? w[b] > seed : w[b] < seed) {
                mark[b] = true;
                queue[tail++] = b;
            }
        }
        for (int head = 0; head < tail; head++) {
            int b = queue[head];
            int x = b % nb;
            int y = b / nb % nb;
            int z = b / nb / nb;
            for (int d = 0; d < 6; d++) {
                int xx = x + (d == 0 ? 1 : d == 1 ? -1 : 0);
                int yy = y + (d == 2 ? 1 : d == 3 ? -1 : 0);
                int zz = z + (d == 4 ? 1 : d == 5 ? -1 : 0);
                if (xx < 0 || yy < 0 || zz < 0 || xx >= nb || yy >= nb || zz >= nb) {
                    continue;
                }
                int m = xx + nb * (yy + nb * zz);
                if (!mark[m] && (inside ? w[m] > level : w[m] <= level)) {
                    mark[m] = true;
                    queue[tail++] = m;
                }
            }
        }
        return mark;
    }

    /**
     * The bricks in or next to (26-neighbours) a marked brick: a wall's inner samples may lie in a brick whose centre
     * is outside.
     */
    static boolean[] dilate(boolean[] mark, int nb) {
        boolean[] out = mark.clone();
        int[] around = new int[27];
        for (int b = 0; b < mark.length; b++) {
            if (mark[b]) {
                int count = HoleFill.around(b, nb, around);
                for (int a = 0; a < count; a++) {
                    out[around[a]] = true;
                }
            }
        }
        return out;
    }

    private static int[] farSlots(float[] distance, double nearDistance) {
        int far = 0;
        for (float d : distance) {
            far += d >= nearDistance ? 1 : 0;
        }
        int[] slots = new int[far];
        far = 0;
        for (int s = 0; s < distance.length; s++) {
            if (distance[s] >= nearDistance) {
                slots[far++] = s;
            }
        }
        return slots;
    }
}
