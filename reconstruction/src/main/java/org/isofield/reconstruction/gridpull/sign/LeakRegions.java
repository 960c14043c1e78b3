package org.isofield.reconstruction.gridpull.sign;

import java.util.Arrays;
import org.isofield.reconstruction.gridpull.SparseGrid;

/**
 * Keeps {@link WindingSign}'s leak repair to the leaked interior. The repair turns far band samples that the flood
 * fill called outside to inside where the winding number exceeds 0.5 near the winding number's interior. Besides the
 * object's inside (the region the fill leaked into), that takes in a thin shell of outside along a thin, noisy part
 * whose two sides the normal orientation could not tell apart (the noisy Stanford bunny's ear became a solid
 * membrane; figures in docs/decisions/gridpull-sign-repair.md).
 *
 * <p>So the samples turned inside are grouped into 6-connected regions, and a region is kept only when its median
 * winding number exceeds {@code leak_winding}, the level that marks a brick surely inside; the others
 * keep the flood fill's outside. A leak's region holds the interior next to the walls, whose winding number is about
 * 1, and the hole's fill, where it falls to 0.5, is part of it.
 */
final class LeakRegions {
    private LeakRegions() {
    }

    /**
     * @param grid the band's grid, with the flood fill's signs in its values
     * @param farSlots the far band samples
     * @param w the winding number at each far sample (same order)
     * @param in the new inside flags of all samples; samples of rejected regions are set back to outside
     * @param leakWinding the median a region must exceed to be kept
     * @return how many samples were set back
     */
    static int keepInterior(SparseGrid grid, int[] farSlots, double[] w, boolean[] in, double leakWinding) {
        int m = grid.values.length;
        float[] turned = new float[m];
        Arrays.fill(turned, Float.NaN);
        for (int a = 0; a < farSlots.length; a++) {
            int s = farSlots[a];
            if (in[s] && grid.values[s] >= 0) {
                turned[s] = (float) w[a];
            }
        }
        int[] queue = new int[64];
        float[] values = new float[64];
        int[] c = new int[3];
        int reverted = 0;
        for (int seed : farSlots) {
            if (Float.isNaN(turned[seed])) {
                continue;
            }
            int tail = 0;
            queue[tail] = seed;
            values[tail++] = turned[seed];
            turned[seed] = Float.NaN;
            for (int head = 0; head < tail; head++) {
                grid.coords(queue[head], c);
                for (int d = 0; d < 6; d++) {
                    int t = grid.slot(c[0] + (d == 0 ? 1 : d == 1 ? -1 : 0), c[1] + (d == 2 ? 1 : d == 3 ? -1 : 0),
                            c[2] + (d == 4 ? 1 : d == 5 ? -1 : 0));
                    if (t >= 0 && !Float.isNaN(turned[t])) {
                        if (tail == queue.length) {
                            queue = Arrays.copyOf(queue, 2 * tail);
                            values = Arrays.copyOf(values, 2 * tail);
                        }
                        queue[tail] = t;
                        values[tail++] = turned[t];
                        turned[t] = Float.NaN;
                    }
                }
            }
            float[] sorted = Arrays.copyOf(values, tail);
            Arrays.sort(sorted);
            if (sorted[tail / 2] <= leakWinding) {
                for (int a = 0; a < tail; a++) {
                    in[queue[a]] = false;
                }
                reverted += tail;
            }
        }
        return reverted;
    }

    /**
     * The flood fill again, with the repaired inside as a wall: far samples outside by {@code in} that no path of
     * such samples links to a brick without storage labelled outside are enclosed by the band and the repaired
     * inside, and become inside. The first fill could not see them as inside because the leak reached them (a thin
     * part of a leaky object, such as the noisy Stanford bunny's ear base, whose own winding number is too weak to
     * be turned by the repair).
     *
     * @param distance each sample's distance to the nearest point, cells
     * @param in the inside flags of all samples; enclosed far samples are set inside
     * @return how many samples were set inside
     */
    static int enclosed(SparseGrid grid, float[] distance, double nearDistance, boolean[] in) {
        int m = distance.length;
        boolean[] reached = new boolean[m];
        int[] queue = new int[1024];
        int tail = 0;
        int[] c = new int[3];
        for (int s = 0; s < m; s++) {
            if (in[s] || distance[s] < nearDistance) {
                continue;
            }
            grid.coords(s, c);
            if (grid.nextToOutsideBrick(c)) {
                reached[s] = true;
                queue = grow(queue, tail);
                queue[tail++] = s;
            }
        }
        for (int head = 0; head < tail; head++) {
            grid.coords(queue[head], c);
            for (int d = 0; d < 6; d++) {
                int t = grid.slot(c[0] + (d == 0 ? 1 : d == 1 ? -1 : 0), c[1] + (d == 2 ? 1 : d == 3 ? -1 : 0),
                        c[2] + (d == 4 ? 1 : d == 5 ? -1 : 0));
                if (t >= 0 && !reached[t] && !in[t] && distance[t] >= nearDistance) {
                    reached[t] = true;
                    queue = grow(queue, tail);
                    queue[tail++] = t;
                }
            }
        }
        int turned = 0;
        for (int s = 0; s < m; s++) {
            if (!in[s] && !reached[s] && distance[s] >= nearDistance) {
                in[s] = true;
                turned++;
            }
        }
        return turned;
    }

    private static int[] grow(int[] queue, int tail) {
        return tail == queue.length ? Arrays.copyOf(queue, 2 * tail) : queue;
    }
}
