package org.isofield.reconstruction.gridpull;

import java.util.Arrays;
import org.isofield.core.Parallel;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Allocates the band of bricks around the points and gives it a signed initial field.
 *
 * <p>Sign rule (no normals, no winding numbers): a brick is stored when it comes within {@code bandWidth + 1} cells
 * of a point; the other bricks are flood-filled from the grid boundary (6-connected) and those reached are outside,
 * the rest inside. Inside the band, samples closer than {@code nearDistance} to a point are "near"; the far samples
 * are flood-filled again, sample by sample, from those next to an outside brick: reached samples start at +d,
 * the others at -d (d = distance to the nearest point, in cells). Near samples start at 0 and are relaxed by
 * {@value #RELAX_ITERATIONS} Jacobi sweeps (each the mean of its six neighbours), which makes a ramp through the
 * points between the two sides. A part thinner than about twice {@code nearDistance} has no inside samples and is
 * lost; a gap in the sampling wider than about twice {@code nearDistance} lets the outside in.
 */
public final class BandBuilder {
    static final int RELAX_ITERATIONS = 40;
    private static final int BATCH_BRICKS = 256;

    private BandBuilder() {
    }

    /**
     * The band grid and, per stored sample, its distance to the nearest point in cells.
     *
     * @param nearSlots the samples closer to a point than the near distance (relaxed ramp)
     * @param insideSamples far samples that start inside
     * @param outsideSamples far samples that start outside
     */
    public record Band(SparseGrid grid, float[] distance, int[] nearSlots, int insideSamples, int outsideSamples) {
        public int nearSamples() {
            return nearSlots.length;
        }
    }

    /**
     * @param points point positions in lattice coordinates, {@code 3N}
     * @param tree a KD-tree over {@code points}
     * @param n samples per axis, a multiple of 8
     */
    static Band build(float[] points, KdTree tree, int n, int bandWidth, double nearDistance) {
        int nb = n / SparseGrid.BRICK;
        byte[] stored = markBricks(points, 0, 1, nb, bandWidth + 1);
        int[] directory = new int[stored.length];
        int count = 0;
        for (int b = 0; b < stored.length; b++) {
            directory[b] = stored[b] != 0 ? count++ : -1;
        }
        int[] cells = new int[count];
        for (int b = 0; b < stored.length; b++) {
            if (directory[b] >= 0) {
                cells[directory[b]] = b;
            }
        }
        byte[] label = brickLabels(stored, nb);
        SparseGrid grid = new SparseGrid(n, directory, label, cells, bandWidth + 1);
        float[] distance = distances(grid, tree);
        Band b = signs(grid, distance, nearDistance);
        return b;
    }

    /**
     * Marks, in a dense {@code nb^3} array, the bricks within {@code reach} cells of a point; the points' lattice
     * coordinates are {@code offset + scale * p}.
     */
    static byte[] markBricks(float[] points, double offset, double scale, int nb, int reach) {
        byte[] stored = new byte[nb * nb * nb];
        for (int p = 0; p < points.length; p += 3) {
            float px = (float) (offset + points[p] * scale);
            float py = (float) (offset + points[p + 1] * scale);
            float pz = (float) (offset + points[p + 2] * scale);
            int x0 = Math.max(0, (int) Math.floor((px - reach) / SparseGrid.BRICK));
            int x1 = Math.min(nb - 1, (int) Math.floor((px + reach) / SparseGrid.BRICK));
            int y0 = Math.max(0, (int) Math.floor((py - reach) / SparseGrid.BRICK));
            int y1 = Math.min(nb - 1, (int) Math.floor((py + reach) / SparseGrid.BRICK));
            int z0 = Math.max(0, (int) Math.floor((pz - reach) / SparseGrid.BRICK));
            int z1 = Math.min(nb - 1, (int) Math.floor((pz + reach) / SparseGrid.BRICK));
            for (int z = z0; z <= z1; z++) {
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        stored[x + nb * (y + nb * z)] = 1;
                    }
                }
            }
        }
        return stored;
    }

    /** +1 for bricks reached from the boundary through bricks without storage, -1 for the others. */
    private static byte[] brickLabels(byte[] stored, int nb) {
        byte[] label = new byte[stored.length];
        Arrays.fill(label, (byte) -1);
        int[] queue = new int[stored.length];
        int head = 0;
        int tail = 0;
        for (int b = 0; b < stored.length; b++) {
            int x = b % nb;
            int y = b / nb % nb;
            int z = b / nb / nb;
            boolean border = x == 0 || y == 0 || z == 0 || x == nb - 1 || y == nb - 1 || z == nb - 1;
            if (border && stored[b] == 0) {
                label[b] = 1;
                queue[tail++] = b;
            }
        }
        int[] step = {1, -1, nb, -nb, nb * nb, -nb * nb};
        while (head < tail) {
            int b = queue[head++];
            int x = b % nb;
            int y = b / nb % nb;
            int z = b / nb / nb;
            for (int d = 0; d < 6; d++) {
                boolean inside = switch (d) {
                    case 0 -> x + 1 < nb;
                    case 1 -> x > 0;
                    case 2 -> y + 1 < nb;
                    case 3 -> y > 0;
                    case 4 -> z + 1 < nb;
                    default -> z > 0;
                };
                int m = b + step[d];
                if (inside && stored[m] == 0 && label[m] < 0) {
                    label[m] = 1;
                    queue[tail++] = m;
                }
            }
        }
        return label;
    }

    private static float[] distances(SparseGrid grid, KdTree tree) {
        float[] distance = new float[grid.values.length];
        int bricks = grid.brickCount();
        for (int b0 = 0; b0 < bricks; b0 += BATCH_BRICKS) {
            int m = Math.min(BATCH_BRICKS, bricks - b0) * SparseGrid.BRICK_SAMPLES;
            int base = b0 * SparseGrid.BRICK_SAMPLES;
            float[] d2 = new float[m];
            tree.nearest(grid.positions(base, m), null, d2);
            for (int s = 0; s < m; s++) {
                distance[base + s] = (float) Math.sqrt(d2[s]);
            }
        }
        return distance;
    }

    private static final byte NEAR = 0;
    private static final byte IN = 1;
    private static final byte OUT = 2;

    private static Band signs(SparseGrid grid, float[] distance, double nearDistance) {
        int m = distance.length;
        byte[] state = new byte[m];
        int[] queue = new int[m];
        int tail = 0;
        int[] c = new int[3];
        for (int s = 0; s < m; s++) {
            state[s] = distance[s] < nearDistance ? NEAR : IN;
        }
        for (int s = 0; s < m; s++) {
            if (state[s] != IN) {
                continue;
            }
            grid.coords(s, c);
            if (grid.nextToOutsideBrick(c)) {
                state[s] = OUT;
                queue[tail++] = s;
            }
        }
        int head = 0;
        while (head < tail) {
            int s = queue[head++];
            grid.coords(s, c);
            for (int d = 0; d < 6; d++) {
                int t = grid.slot(c[0] + (d == 0 ? 1 : d == 1 ? -1 : 0), c[1] + (d == 2 ? 1 : d == 3 ? -1 : 0),
                        c[2] + (d == 4 ? 1 : d == 5 ? -1 : 0));
                if (t >= 0 && state[t] == IN) {
                    state[t] = OUT;
                    queue[tail++] = t;
                }
            }
        }
        return finish(grid, distance, state, queue);
    }

    /**
     * Signs the band again with given sides: samples closer than {@code nearDistance} to a point are near (relaxed
     * ramp), the others inside where {@code inside} says so, else outside. The caller has set the labels of the
     * bricks without storage to match.
     */
    public static Band resign(SparseGrid grid, float[] distance, double nearDistance, boolean[] inside) {
        int m = distance.length;
        byte[] state = new byte[m];
        for (int s = 0; s < m; s++) {
            state[s] = distance[s] < nearDistance ? NEAR : inside[s] ? IN : OUT;
        }
        return finish(grid, distance, state, new int[m]);
    }

    private static Band finish(SparseGrid grid, float[] distance, byte[] state, int[] queue) {
        int m = distance.length;
        int near = 0;
        int inside = 0;
        float[] v = grid.values;
        for (int s = 0; s < m; s++) {
            switch (state[s]) {
                case OUT -> v[s] = distance[s];
                case IN -> {
                    v[s] = -distance[s];
                    inside++;
                }
                default -> {
                    v[s] = 0;
                    queue[near++] = s;
                }
            }
        }
        int[] nearSlots = Arrays.copyOf(queue, near);
        relax(grid, nearSlots);
        return new Band(grid, distance, nearSlots, inside, m - near - inside);
    }

    /** Jacobi sweeps over the near samples: each becomes the mean of its six neighbours. */
    private static void relax(SparseGrid grid, int[] near) {
        int[] nbr = new int[6 * near.length];
        float[] fixed = new float[6 * near.length];
        Parallel.forChunks(near.length, 16_384, (chunk, start, end) -> {
            int[] c = new int[3];
            for (int a = start; a < end; a++) {
                grid.coords(near[a], c);
                for (int f = 0; f < 6; f++) {
                    int i = c[0] + (f == 0 ? 1 : f == 1 ? -1 : 0);
                    int j = c[1] + (f == 2 ? 1 : f == 3 ? -1 : 0);
                    int k = c[2] + (f == 4 ? 1 : f == 5 ? -1 : 0);
                    nbr[6 * a + f] = grid.slot(i, j, k);
                    fixed[6 * a + f] = grid.farValue(i, j, k);
                }
            }
        });
        float[] next = new float[near.length];
        float[] v = grid.values;
        for (int it = 0; it < RELAX_ITERATIONS; it++) {
            Parallel.forChunks(near.length, 16_384, (chunk, start, end) -> {
                for (int a = start; a < end; a++) {
                    double sum = 0;
                    for (int f = 6 * a; f < 6 * a + 6; f++) {
                        sum += nbr[f] >= 0 ? v[nbr[f]] : fixed[f];
                    }
                    next[a] = (float) (sum / 6);
                }
            });
            for (int a = 0; a < near.length; a++) {
                v[near[a]] = next[a];
            }
        }
    }
}
