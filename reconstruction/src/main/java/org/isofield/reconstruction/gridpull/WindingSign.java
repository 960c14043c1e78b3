package org.isofield.reconstruction.gridpull;

import org.isofield.datasets.index.bvh.PointWindingNumber;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.MstOrientation;

/**
 * Finds and repairs a flood fill that leaked through holes in the sampling. {@link BandBuilder} calls outside every
 * brick the grid boundary reaches through bricks without points nearby; a scan of a closed object with holes wider
 * than the band (the bottom of the Stanford bunny, an unscanned underside) lets that fill into the object, which
 * then has no inside and the optimised field makes a rough double sheet.
 *
 * <p>The check: PCA normals oriented along a minimum spanning tree ({@link MstOrientation}, each part pointing
 * away from the centroid), the cloud's winding number ({@link PointWindingNumber}, each point a disc of area
 * {@code pi d_8^2 / 8}, d_8 its 8th-neighbour distance) at the centre of every brick without storage. Bricks the
 * flood fill calls outside where the winding number exceeds {@value #LEAK_WINDING} (well inside: an open sheet such
 * as a single range scan stays below about 0.7 everywhere) count as leaked; so do far samples of the band (every
 * {@value #SAMPLE_STRIDE}th is probed), where a noisy sampling's holes leak at the sample level while the bricks
 * stay sealed. At least {@value #MIN_LEAKED_BRICKS} leaked bricks (or {@value #MIN_LEAKED_PROBES} probes) that are
 * also {@value #MIN_LEAKED_FRACTION} of those with winding number above 0.5 trigger the repair (a real leak puts
 * 98-99.7% of them outside: the Stanford bunny's open bottom, clean and noisy; misoriented normals along the sword's
 * blade put 11% there, which must not trigger it):
 * the object's interior is the set of bricks connected through bricks with winding number above
 * {@value #INSIDE_WINDING} (at their centres) to one above {@value #LEAK_WINDING}; bricks without storage in it, and
 * far band samples in or next to it with winding number above {@value #INSIDE_WINDING}, become inside (what the
 * flood fill called inside stays so), and the band is signed again. The hysteresis keeps out stray regions that a
 * few misoriented normals (a thin, noisy ear) lift above 0.5. Then, for a leak ({@link LeakRegions}): regions of
 * samples turned inside whose median winding number is not above {@value #LEAK_WINDING} stay outside (the outside
 * along a thin noisy part), the far samples that the repaired inside and the band enclose become inside (a thin
 * part's inside that the leak had reached), and the hole's fill gets bricks and smooth starting values
 * ({@link HoleFill}). A watertight sampling never triggers it, so its
 * result stays that of the flood fill; a misoriented cloud gives winding numbers near 0 or -1 inside and does not
 * trigger it either.
 *
 * <p>Cavities, the other way round: a hollow part's inner shell, turned inward by {@link ShellNesting} (as a part
 * of the neighbour graph inside an odd number of others, or point by point where noise joins it to the outer
 * shell). Only then, flood-inside bricks and probes with winding number below {@value #CAVITY_WINDING} (at least as
 * many and as large a fraction of the flood-inside ones as above) make the region connected through at most 0.5 to
 * below {@value #CAVITY_WINDING} outside. Without a turned shell the cavity test is off: the sword's misoriented
 * blade normals put 42k samples below 0.2 inside it.
 */
final class WindingSign {
    /** Winding number above which a brick is surely inside (leak detection). */
    static final double LEAK_WINDING = 0.8;
    /** Winding number above which a sample is inside (repair). */
    static final double INSIDE_WINDING = 0.5;
    static final int MIN_LEAKED_BRICKS = 8;
    static final double MIN_LEAKED_FRACTION = 0.3;
    /** Winding number below which a brick is surely outside (cavity detection). */
    static final double CAVITY_WINDING = 0.2;
    static final int MIN_LEAKED_PROBES = 64;
    /** Every this many far band samples is probed by the check. */
    static final int SAMPLE_STRIDE = 4;

    /**
     * What the check found.
     *
     * @param band the band, signed again when repaired, else the one given
     * @param leakedBricks bricks outside by the flood fill but inside by the winding number
     * @param windingInsideBricks bricks without storage inside by the winding number
     * @param leakedProbes probed far band samples outside by the flood fill but inside by the winding number
     * @param windingInsideProbes probed far band samples inside by the winding number
     * @param hollow bricks and probes inside by the flood fill but outside by the winding number (a cavity)
     * @param turnedPoints points {@link ShellNesting}'s point rule turned inward (a cavity's shell joined to the
     *     outer one in the neighbour graph)
     * @param jump the median jump of the winding number across the points before the disc areas were scaled to
     *     make it 1 ({@link ShellNesting})
     * @param keptOutside far samples the repair would have turned inside but {@link LeakRegions} kept outside
     * @param fillSlots far samples of a repaired band whose winding number lies between
     *     {@value #CAVITY_WINDING} and {@value #LEAK_WINDING} (where a hole's fill passes), for the optimiser to smooth
     * @param fillBricks bricks without storage added for a hole's fill ({@link HoleFill})
     * @param enclosed far samples left outside by the repair but enclosed by the band and the repaired inside,
     *     turned inside ({@link LeakRegions#enclosed}; leaks only)
     * @param repaired whether the band was signed again
     */
    record Result(BandBuilder.Band band, int leakedBricks, int windingInsideBricks, int leakedProbes,
            int windingInsideProbes, int hollow, int turnedPoints, double jump, int keptOutside, int[] fillSlots,
            int fillBricks, int enclosed, boolean repaired) {
        /** Adds the check's figures to a reconstruction report ({@code sign} and, when repaired, the repair's). */
        void report(java.util.Map<String, Object> details) {
            details.put("leaked_bricks", leakedBricks);
            details.put("winding_inside_bricks", windingInsideBricks);
            details.put("leaked_probes", leakedProbes);
            details.put("winding_inside_probes", windingInsideProbes);
            details.put("hollow", hollow);
            details.put("turned_inward_points", turnedPoints);
            details.put("winding_jump", jump);
            details.put("leak_samples_kept_outside", keptOutside);
            if (repaired) {
                details.put("fill_samples", fillSlots.length);
                details.put("fill_bricks", fillBricks);
                details.put("enclosed_samples", enclosed);
                details.put("sign", "winding_number");
            }
        }
    }

    private WindingSign() {
    }

    /**
     * @param band the flood-filled band
     * @param lattice point positions in lattice coordinates, {@code 3N}
     * @param tree a KD-tree over {@code lattice}
     * @param pca unoriented unit normals of the points ({@link OrientedInit#pcaNormals}); not changed
     * @param kth each point's distance to its 8th nearest neighbour, in lattice cells
     * @param nearDistance the band's near distance in cells
     */
    static Result check(BandBuilder.Band band, float[] lattice, KdTree tree, float[] pca, float[] kth,
            double nearDistance) {
        ShellNesting.Oriented oriented = ShellNesting.orient(lattice, tree, pca, kth);
        PointWindingNumber winding = oriented.winding();
        SparseGrid grid = band.grid();
        int nb = grid.nb;
        int bricks = grid.label.length;
        float[] centres = new float[3 * bricks];
        for (int b = 0; b < bricks; b++) {
            centres[3 * b] = (b % nb) * SparseGrid.BRICK + 3.5f;
            centres[3 * b + 1] = (b / nb % nb) * SparseGrid.BRICK + 3.5f;
            centres[3 * b + 2] = (b / nb / nb) * SparseGrid.BRICK + 3.5f;
        }
        double[] w = winding.at(centres);
        int leaked = 0;
        int inside = 0;
        int hollow = 0;
        int floodInside = 0;
        for (int b = 0; b < bricks; b++) {
            if (grid.directory[b] < 0) {
                inside += w[b] > INSIDE_WINDING ? 1 : 0;
                leaked += w[b] > LEAK_WINDING && grid.label[b] > 0 ? 1 : 0;
                floodInside += grid.label[b] < 0 ? 1 : 0;
                hollow += w[b] < CAVITY_WINDING && grid.label[b] < 0 ? 1 : 0;
            }
        }
        float[] distance = band.distance();
        int[] farSlots = farSlots(distance, nearDistance);
        float[] q = grid.positions(farSlots);
        int probes = (farSlots.length + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE;
        float[] probe = new float[3 * probes];
        for (int a = 0; a < probes; a++) {
            System.arraycopy(q, 3 * a * SAMPLE_STRIDE, probe, 3 * a, 3);
        }
        double[] wp = winding.at(probe);
        int leakedProbes = 0;
        int insideProbes = 0;
        int hollowProbes = 0;
        int floodInsideProbes = 0;
        for (int a = 0; a < probes; a++) {
            float v = grid.values[farSlots[a * SAMPLE_STRIDE]];
            insideProbes += wp[a] > INSIDE_WINDING ? 1 : 0;
            leakedProbes += wp[a] > LEAK_WINDING && v > 0 ? 1 : 0;
            floodInsideProbes += v < 0 ? 1 : 0;
            hollowProbes += wp[a] < CAVITY_WINDING && v < 0 ? 1 : 0;
        }
        boolean leak = (leaked >= MIN_LEAKED_BRICKS && leaked >= MIN_LEAKED_FRACTION * inside)
                || (leakedProbes >= MIN_LEAKED_PROBES && leakedProbes >= MIN_LEAKED_FRACTION * insideProbes);
        // a cavity is bounded by an inner shell that a nesting rule turned inward; without one, winding numbers
        // below 0.2 inside are misoriented normals (the sword: 42k such samples)
        boolean cavity = oriented.turnedInward()
                && ((hollow >= MIN_LEAKED_BRICKS && hollow >= MIN_LEAKED_FRACTION * floodInside)
                || (hollowProbes >= MIN_LEAKED_PROBES && hollowProbes >= MIN_LEAKED_FRACTION * floodInsideProbes));
        if (!leak && !cavity) {
            return new Result(band, leaked, inside, leakedProbes, insideProbes, hollow + hollowProbes,
                    oriented.turnedPoints(), oriented.unit(), 0, new int[0], 0, 0, false);
        }
        boolean[] interior = region(w, nb, true);
        boolean[] exterior = region(w, nb, false);
        for (int b = 0; b < bricks; b++) {
            if (grid.directory[b] < 0 && interior[b]) {
                grid.label[b] = -1;
            } else if (grid.directory[b] < 0 && exterior[b]) {
                grid.label[b] = 1;
            }
        }
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
            if (ws[a] > INSIDE_WINDING && nearInterior[brick]) {
                in[s] = true;
            } else if (ws[a] <= INSIDE_WINDING && nearExterior[brick]) {
                in[s] = false;
            }
        }
        boolean[] turnedIn = new boolean[farSlots.length];
        for (int a = 0; a < farSlots.length; a++) {
            turnedIn[a] = in[farSlots[a]] && grid.values[farSlots[a]] >= 0;
        }
        int reverted = LeakRegions.keepInterior(grid, farSlots, ws, in);
        // the hole's fill: far samples between surely outside and surely inside, optimised by the smoothness terms
        int fills = 0;
        int[] fill = new int[farSlots.length];
        for (int a = 0; a < farSlots.length; a++) {
            if (leak && ws[a] > CAVITY_WINDING && ws[a] < LEAK_WINDING && !(turnedIn[a] && !in[farSlots[a]])) {
                fill[fills++] = farSlots[a];
            }
        }
        // a cavity's outside is enclosed by its shell: there the second fill would undo the repair
        int enclosed = leak && !cavity ? LeakRegions.enclosed(grid, distance, nearDistance, in) : 0;
        HoleFill.Extended fillBand = leak ? HoleFill.extend(grid, distance, in, java.util.Arrays.copyOf(fill, fills),
                w, winding, tree) : new HoleFill.Extended(grid, distance, in, new int[0], 0);
        BandBuilder.Band signed = BandBuilder.resign(fillBand.grid(), fillBand.distance(), nearDistance, fillBand.in());
        HoleFill.initialise(signed.grid(), signed.distance(), fillBand.fillSlots(), winding);
        return new Result(signed, leaked, inside, leakedProbes, insideProbes, hollow + hollowProbes,
                oriented.turnedPoints(), oriented.unit(), reverted, fillBand.fillSlots(), fillBand.addedBricks(),
                enclosed, true);
    }

    /**
     * Inside: the bricks connected (6-neighbours) through bricks with winding number above {@value #INSIDE_WINDING}
     * at their centre to one above {@value #LEAK_WINDING}: the object's inside, without the stray regions a few
     * misoriented normals (a thin, noisy part) lift above 0.5. Outside: the same with at most 0.5, seeded below
     * {@value #CAVITY_WINDING} (the outside and the cavities).
     */
    static boolean[] region(double[] w, int nb, boolean inside) {
        boolean[] mark = new boolean[w.length];
        int[] queue = new int[w.length];
        int tail = 0;
        for (int b = 0; b < w.length; b++) {
            if (inside ? w[b] > LEAK_WINDING : w[b] < CAVITY_WINDING) {
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
                if (!mark[m] && (inside ? w[m] > INSIDE_WINDING : w[m] <= INSIDE_WINDING)) {
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
