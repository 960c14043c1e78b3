package org.isofield.reconstruction.gridpull;

import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Finds and repairs a flood fill that leaked through holes in the sampling. {@link BandBuilder} calls outside every
 * brick the grid boundary reaches through bricks without points nearby; a scan of a closed object with holes wider
 * than the band (the bottom of the Stanford bunny, an unscanned underside) lets that fill into the object, which
 * then has no inside and the optimised field makes a rough double sheet.
 *
 * <p>The check: PCA normals oriented along a minimum spanning tree ({@link NormalOrientation}, each part pointing
 * away from the centroid), the cloud's winding number ({@link PointWindingNumber}, each point a disc of area
 * {@code pi d_8^2 / 8}, d_8 its 8th-neighbour distance) at the centre of every brick without storage. Bricks the
 * flood fill calls outside where the winding number exceeds {@value #LEAK_WINDING} (well inside: an open sheet such
 * as a single range scan stays below about 0.7 everywhere) count as leaked; so do far samples of the band (every
 * {@value #SAMPLE_STRIDE}th is probed), where a noisy sampling's holes leak at the sample level while the bricks
 * stay sealed. At least {@value #MIN_LEAKED_BRICKS} leaked bricks (or {@value #MIN_LEAKED_PROBES} probes) and
 * {@value #MIN_LEAKED_FRACTION} of those with winding number above 0.5 trigger the repair:
 * every brick without storage and every far sample of the band takes its side from the winding number (inside
 * above {@value #INSIDE_WINDING}), and the band is signed again. A watertight sampling never triggers it, so its
 * result stays that of the flood fill; a misoriented cloud gives winding numbers near 0 or -1 inside and does not
 * trigger it either.
 */
final class WindingSign {
    /** Winding number above which a brick is surely inside (leak detection). */
    static final double LEAK_WINDING = 0.8;
    /** Winding number above which a sample is inside (repair). */
    static final double INSIDE_WINDING = 0.5;
    static final int MIN_LEAKED_BRICKS = 8;
    static final double MIN_LEAKED_FRACTION = 0.05;
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
     * @param repaired whether the band was signed again
     */
    record Result(BandBuilder.Band band, int leakedBricks, int windingInsideBricks, int leakedProbes,
            int windingInsideProbes, boolean repaired) {
    }

    private WindingSign() {
    }

    /**
     * @param band the flood-filled band
     * @param lattice point positions in lattice coordinates, {@code 3N}
     * @param tree a KD-tree over {@code lattice}
     * @param kth each point's distance to its 8th nearest neighbour, in lattice cells
     * @param nearDistance the band's near distance in cells
     */
    static Result check(BandBuilder.Band band, float[] lattice, KdTree tree, float[] kth, double nearDistance) {
        PointWindingNumber winding = windingNumber(lattice, tree, kth);
        SparseGrid grid = band.grid();
        int nb = grid.n / SparseGrid.BRICK;
        int[] free = new int[grid.label.length - grid.brickCount()];
        int f = 0;
        for (int b = 0; b < grid.label.length; b++) {
            if (grid.directory[b] < 0) {
                free[f++] = b;
            }
        }
        float[] centres = new float[3 * f];
        for (int a = 0; a < f; a++) {
            int b = free[a];
            centres[3 * a] = (b % nb) * SparseGrid.BRICK + 3.5f;
            centres[3 * a + 1] = (b / nb % nb) * SparseGrid.BRICK + 3.5f;
            centres[3 * a + 2] = (b / nb / nb) * SparseGrid.BRICK + 3.5f;
        }
        double[] w = winding.at(centres);
        int leaked = 0;
        int inside = 0;
        for (int a = 0; a < f; a++) {
            if (w[a] > INSIDE_WINDING) {
                inside++;
            }
            if (w[a] > LEAK_WINDING && grid.label[free[a]] > 0) {
                leaked++;
            }
        }
        float[] distance = band.distance();
        int m = distance.length;
        // the far samples of the band, in a strided subset for the check and all of them for the repair
        int far = 0;
        for (int s = 0; s < m; s++) {
            if (distance[s] >= nearDistance) {
                far++;
            }
        }
        int[] farSlots = new int[far];
        float[] q = new float[3 * far];
        int[] c = new int[3];
        far = 0;
        for (int s = 0; s < m; s++) {
            if (distance[s] >= nearDistance) {
                grid.coords(s, c);
                farSlots[far] = s;
                q[3 * far] = c[0];
                q[3 * far + 1] = c[1];
                q[3 * far + 2] = c[2];
                far++;
            }
        }
        int probes = (far + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE;
        float[] probe = new float[3 * probes];
        for (int a = 0; a < probes; a++) {
            System.arraycopy(q, 3 * a * SAMPLE_STRIDE, probe, 3 * a, 3);
        }
        double[] wp = winding.at(probe);
        int leakedSamples = 0;
        int insideSamples = 0;
        for (int a = 0; a < probes; a++) {
            if (wp[a] > INSIDE_WINDING) {
                insideSamples++;
            }
            if (wp[a] > LEAK_WINDING && grid.values[farSlots[a * SAMPLE_STRIDE]] > 0) {
                leakedSamples++;
            }
        }
        boolean bricksLeak = leaked >= MIN_LEAKED_BRICKS && leaked >= MIN_LEAKED_FRACTION * inside;
        boolean samplesLeak = leakedSamples >= MIN_LEAKED_PROBES && leakedSamples >= MIN_LEAKED_FRACTION * insideSamples;
        if (!bricksLeak && !samplesLeak) {
            return new Result(band, leaked, inside, leakedSamples, insideSamples, false);
        }
        for (int a = 0; a < f; a++) {
            grid.label[free[a]] = (byte) (w[a] > INSIDE_WINDING ? -1 : 1);
        }
        double[] ws = winding.at(q);
        boolean[] in = new boolean[m];
        for (int a = 0; a < far; a++) {
            in[farSlots[a]] = ws[a] > INSIDE_WINDING;
        }
        return new Result(BandBuilder.resign(grid, distance, nearDistance, in), leaked, inside, leakedSamples,
                insideSamples, true);
    }

    /** The winding number of the cloud with MST-oriented PCA normals and discs of area pi d_8^2 / 8. */
    static PointWindingNumber windingNumber(float[] lattice, KdTree tree, float[] kth) {
        float[] normals = OrientedInit.pcaNormals(lattice, tree);
        NormalOrientation.orient(lattice, normals, tree, null);
        float[] areas = new float[kth.length];
        for (int i = 0; i < kth.length; i++) {
            areas[i] = (float) (Math.PI * kth[i] * kth[i] / 8);
        }
        return new PointWindingNumber(lattice, normals, areas);
    }
}
