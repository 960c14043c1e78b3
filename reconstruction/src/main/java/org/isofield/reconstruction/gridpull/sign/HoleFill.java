package org.isofield.reconstruction.gridpull.sign;

import java.util.Arrays;
import org.isofield.datasets.index.bvh.PointWindingNumber;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.reconstruction.gridpull.SparseGrid;

/**
 * Gives a hole's fill room to be smooth. Where {@link WindingSign} repaired a leak, the fill passes where the winding
 * number crosses 0.5; in the middle of a hole wider than the band that is in bricks without storage, which read as
 * {@code +-farValue} and put the fill on their faces: square plateaus in the Stanford bunny's base holes. So the
 * bricks without storage whose centre's winding number lies between {@code cavity_winding} and
 * {@code leak_winding}, connected (26-neighbours, through such bricks) to a stored brick, are stored
 * too: their samples take the sign of their own winding number and their distance to the points, and the samples
 * with winding numbers in that range join the fill that the optimiser smooths (only the continuity and bending terms
 * reach them), starting from a ramp of the winding number ({@link #start}). The effect on the
 * Stanford bunny's base holes is in docs/decisions/gridpull-sign-repair.md. At most
 * {@code max_fill_fraction} of the stored bricks are added; a fill that would need more is left on the brick
 * faces.
 */
final class HoleFill {
    /**
     * The band with the fill's bricks.
     *
     * @param grid the grid, with the added bricks after the old ones
     * @param distance each sample's distance to the nearest point, cells
     * @param in each sample's side (true inside)
     * @param fillSlots the samples the optimiser should smooth
     * @param addedBricks how many bricks were added
     */
    record Extended(SparseGrid grid, float[] distance, boolean[] in, int[] fillSlots, int addedBricks) {
    }

    private HoleFill() {
    }

    /**
     * @param brickWinding the winding number at every brick's centre (all bricks, stored or not)
     * @param fill the far samples of the stored bricks already in the fill
     */
    static Extended extend(SparseGrid grid, float[] distance, boolean[] in, int[] fill, double[] brickWinding,
            PointWindingNumber winding, KdTree tree, SignRepairConfig config) {
        int[] add = bricks(grid, brickWinding, config);
        if (add.length == 0 || add.length > config.maxFillFraction() * grid.brickCount()) {
            return new Extended(grid, distance, in, fill, 0);
        }
        int old = grid.brickCount();
        int[] cells = Arrays.copyOf(grid.brickCells, old + add.length);
        int[] directory = grid.directory.clone();
        for (int i = 0; i < add.length; i++) {
            cells[old + i] = add[i];
            directory[add[i]] = old + i;
        }
        SparseGrid extended = new SparseGrid(grid.n, directory, grid.label, cells, grid.farValue);
        System.arraycopy(grid.values, 0, extended.values, 0, grid.values.length);
        int first = grid.values.length;
        int added = extended.values.length - first;
        float[] q = extended.positions(first, added);
        float[] d2 = new float[added];
        tree.nearest(q, null, d2);
        double[] w = winding.at(q);
        float[] dist = Arrays.copyOf(distance, extended.values.length);
        boolean[] side = Arrays.copyOf(in, extended.values.length);
        int[] slots = Arrays.copyOf(fill, fill.length + added);
        int fills = fill.length;
        for (int a = 0; a < added; a++) {
            dist[first + a] = (float) Math.sqrt(d2[a]);
            side[first + a] = w[a] > config.insideWinding();
            if (w[a] > config.cavityWinding() && w[a] < config.leakWinding()) {
                slots[fills++] = first + a;
            }
        }
        return new Extended(extended, dist, side, Arrays.copyOf(slots, fills), add.length);
    }

    /**
     * The fill's starting values, a ramp of the winding number instead of {@code +-d}, whose sign change is a
     * staircase of samples: {@code d (inside - w) / (inside - cavity)} with the {@code inside_winding} and
     * {@code cavity_winding} levels, clamped to {@code +-d}, so the start's zero set is the winding number's smooth
     * inside level set and the samples at the cavity and leak levels meet their fixed neighbours' {@code +-d}.
     */
    static float[] start(SparseGrid grid, float[] distance, int[] fillSlots, PointWindingNumber winding,
            SignRepairConfig config) {
        double[] w = winding.at(grid.positions(fillSlots));
        double span = config.insideWinding() - config.cavityWinding();
        float[] start = new float[fillSlots.length];
        for (int a = 0; a < fillSlots.length; a++) {
            double ramp = Math.max(-1, Math.min(1, (config.insideWinding() - w[a]) / span));
            start[a] = (float) (distance[fillSlots[a]] * ramp);
        }
        return start;
    }

    /** The bricks to add, in index order. */
    static int[] bricks(SparseGrid grid, double[] brickWinding, SignRepairConfig config) {
        int nb = grid.nb;
        int total = grid.directory.length;
        boolean[] mark = new boolean[total];
        int[] queue = new int[64];
        int tail = 0;
        for (int b = 0; b < total; b++) {
            if (candidate(grid, brickWinding, b, config) && touchesStored(grid, b, nb)) {
                mark[b] = true;
                queue = push(queue, tail++, b);
            }
        }
        int[] around = new int[27];
        for (int head = 0; head < tail; head++) {
            int count = around(queue[head], nb, around);
            for (int a = 0; a < count; a++) {
                int m = around[a];
                if (!mark[m] && candidate(grid, brickWinding, m, config)) {
                    mark[m] = true;
                    queue = push(queue, tail++, m);
                }
            }
        }
        int[] out = Arrays.copyOf(queue, tail);
        Arrays.sort(out);
        return out;
    }

    private static boolean candidate(SparseGrid grid, double[] w, int b, SignRepairConfig config) {
        return grid.directory[b] < 0 && w[b] > config.cavityWinding() && w[b] < config.leakWinding();
    }

    /** Whether brick {@code b} has a stored 26-neighbour. */
    private static boolean touchesStored(SparseGrid grid, int b, int nb) {
        int[] around = new int[27];
        int count = around(b, nb, around);
        for (int a = 0; a < count; a++) {
            if (grid.directory[around[a]] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Brick {@code b} and its 26-neighbours within the lattice into {@code out}; returns how many. */
    static int around(int b, int nb, int[] out) {
        int x = b % nb;
        int y = b / nb % nb;
        int z = b / nb / nb;
        int count = 0;
        for (int dz = Math.max(0, z - 1); dz <= Math.min(nb - 1, z + 1); dz++) {
            for (int dy = Math.max(0, y - 1); dy <= Math.min(nb - 1, y + 1); dy++) {
                for (int dx = Math.max(0, x - 1); dx <= Math.min(nb - 1, x + 1); dx++) {
                    out[count++] = dx + nb * (dy + nb * dz);
                }
            }
        }
        return count;
    }

    private static int[] push(int[] queue, int at, int value) {
        int[] q = at == queue.length ? Arrays.copyOf(queue, 2 * at) : queue;
        q[at] = value;
        return q;
    }
}
