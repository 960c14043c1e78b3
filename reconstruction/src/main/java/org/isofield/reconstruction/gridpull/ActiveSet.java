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
     * Per active sample and direction (+x, -x, +y, -y, +z, -z): the neighbour's active index, or, where the neighbour
     * is not active, {@code -1 - k} with its value at {@code fixed[k]}.
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

    private ActiveSet(int[] slots, int[] indexOfSlot, int[] neighbours, float[] fixed, float[] weight) {
        this.slots = slots;
        this.indexOfSlot = indexOfSlot;
        this.neighbours = neighbours;
        this.fixed = fixed;
        this.weight = weight;
    }

    /** Where in {@link #fixed} the value of an inactive neighbour entry ({@code neighbour < 0}) is. */
    static int fixedIndex(int neighbour) {
        return -1 - neighbour;
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
        int[] neighbours = new int[6 * count];
        float[] rim = new float[6 * count];
        float[] weight = new float[count];
        Parallel.forChunks(count, 16_384, (chunk, start, end) -> {
            int[] c = new int[3];
            for (int a = start; a < end; a++) {
                int s = slots[a];
                weight[a] = 1 + distance[s];
                grid.coords(s, c);
                for (int f = 0; f < 6; f++) {
                    int i = c[0] + (f == 0 ? 1 : f == 1 ? -1 : 0);
                    int j = c[1] + (f == 2 ? 1 : f == 3 ? -1 : 0);
                    int k = c[2] + (f == 4 ? 1 : f == 5 ? -1 : 0);
                    int t = grid.slot(i, j, k);
                    int n = t >= 0 ? indexOfSlot[t] : -1;
                    neighbours[6 * a + f] = n;
                    rim[6 * a + f] = n >= 0 ? 0f : grid.get(i, j, k);
                }
            }
        });
        int inactive = 0;
        for (int n : neighbours) {
            inactive += n < 0 ? 1 : 0;
        }
        float[] fixed = new float[inactive];
        int k = 0;
        for (int f = 0; f < neighbours.length; f++) {
            if (neighbours[f] < 0) {
                fixed[k] = rim[f];
                neighbours[f] = -1 - k;
                k++;
            }
        }
        return new ActiveSet(slots, indexOfSlot, neighbours, fixed, weight);
    }

    int size() {
        return slots.length;
    }
}
