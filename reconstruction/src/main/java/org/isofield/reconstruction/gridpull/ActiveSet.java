package org.isofield.reconstruction.gridpull;

import java.util.Arrays;
import org.isofield.core.Parallel;

/**
 * The samples the optimiser changes: the stored samples within {@code maxDistance} cells of a point and those of a
 * hole's fill ({@link HoleFill}), numbered compactly in storage order, with their six neighbours resolved once. A
 * neighbour that is not active keeps its value during training and is recorded as a fixed value, so a training step
 * touches only flat arrays. Other samples keep their initial values: they only have to carry the right sign.
 */
final class ActiveSet {
    /** Storage slot of each active sample. */
    final int[] slots;
    /** Active index of each storage slot, or -1. */
    final int[] indexOfSlot;
    /**
     * Per direction (+x, -x, +y, -y, +z, -z) and active sample, direction-major ({@code [f * size() + a]}): the
     * neighbour's active index, or, where the neighbour is not active, {@code size() + k} with its value at
     * {@code fixed[k]}. The trainer keeps the fixed values after the active ones in one array, so a sweep reads every
     * neighbour the same way, without a branch ({@link NeighbourSweeps}, issue 16).
     */
    final int[] neighbours;
    /**
     * The values of the inactive neighbours, one per (sample, direction) that has one, in that order. Only the band's
     * rim has them, so this is far shorter than one entry per direction, which the training sweeps would otherwise
     * stream every step (24 bytes a sample; issue 16).
     */
    final float[] fixed;
    /** Continuity weight {@code 1 + d} of each active sample (d = distance to the nearest point, cells). */
    final float[] weight;

    /** The lattice step of each direction, in {@link #neighbours}' order. */
    private static final int[][] STEP = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};

    private ActiveSet(int[] slots, int[] indexOfSlot, int[] neighbours, float[] fixed, float[] weight) {
        this.slots = slots;
        this.indexOfSlot = indexOfSlot;
        this.neighbours = neighbours;
        this.fixed = fixed;
        this.weight = weight;
    }

    /**
     * @param maxDistance samples within this many cells of a point are active
     * @param extra further samples to make active (a hole's fill), by storage slot
     */
    static ActiveSet build(SparseGrid grid, float[] distance, double maxDistance, int[] extra) {
        int[] indexOfSlot = new int[distance.length];
        Arrays.fill(indexOfSlot, -1);
        boolean[] on = new boolean[distance.length];
        for (int s : extra) {
            on[s] = true;
        }
        int count = 0;
        for (int s = 0; s < distance.length; s++) {
            if (distance[s] <= maxDistance || on[s]) {
                indexOfSlot[s] = count++;
            }
        }
        int[] slots = new int[count];
        for (int s = 0; s < distance.length; s++) {
            if (indexOfSlot[s] >= 0) {
                slots[indexOfSlot[s]] = s;
            }
        }
        int total = count;
        int[] neighbours = new int[6 * count];
        float[] weight = new float[count];
        Parallel.forChunks(count, 16_384, (chunk, start, end) -> {
            int[] c = new int[3];
            for (int a = start; a < end; a++) {
                int s = slots[a];
                weight[a] = 1 + distance[s];
                grid.coords(s, c);
                for (int f = 0; f < 6; f++) {
                    int t = grid.slot(c[0] + STEP[f][0], c[1] + STEP[f][1], c[2] + STEP[f][2]);
                    neighbours[f * total + a] = t >= 0 ? indexOfSlot[t] : -1;
                }
            }
        });
        int inactive = 0;
        for (int n : neighbours) {
            inactive += n < 0 ? 1 : 0;
        }
        float[] fixed = new float[inactive];
        int[] c = new int[3];
        int k = 0;
        for (int e = 0; e < neighbours.length; e++) {
            if (neighbours[e] < 0) {
                int f = e / count;
                grid.coords(slots[e - f * count], c);
                fixed[k] = grid.get(c[0] + STEP[f][0], c[1] + STEP[f][1], c[2] + STEP[f][2]);
                neighbours[e] = count + k;
                k++;
            }
        }
        return new ActiveSet(slots, indexOfSlot, neighbours, fixed, weight);
    }

    int size() {
        return slots.length;
    }
}
