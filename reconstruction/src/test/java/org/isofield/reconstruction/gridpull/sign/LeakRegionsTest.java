package org.isofield.reconstruction.gridpull.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.isofield.reconstruction.gridpull.SparseGrid;
import org.junit.jupiter.api.Test;

class LeakRegionsTest {
    /** A 16^3 grid of 8 stored bricks, all samples outside by the flood fill. */
    private static SparseGrid grid() {
        int n = 16;
        int[] directory = new int[8];
        int[] cells = new int[8];
        for (int b = 0; b < 8; b++) {
            directory[b] = b;
            cells[b] = b;
        }
        SparseGrid g = new SparseGrid(n, directory, new byte[8], cells, 9f);
        Arrays.fill(g.values, 5f);
        return g;
    }

    @Test
    void aRegionTurnedInsideOnWeakWindingNumbersKeepsTheFloodFillsOutside() {
        SparseGrid g = grid();
        int[] far = new int[g.values.length];
        double[] w = new double[far.length];
        boolean[] in = new boolean[far.length];
        int[] c = new int[3];
        for (int s = 0; s < far.length; s++) {
            far[s] = s;
            g.coords(s, c);
            // two slabs turned inside, separated by the plane x = 7 (kept outside): x < 7 has winding numbers
            // 0.9-1.1 (a leaked interior), x > 7 0.55-0.75 (the outside along a thin, noisy part)
            if (c[0] < 7) {
                in[s] = true;
                w[s] = 0.9 + 0.2 * ((c[1] + c[2]) % 5) / 4.0;
            } else if (c[0] > 7) {
                in[s] = true;
                w[s] = 0.55 + 0.2 * ((c[1] * 3 + c[2]) % 5) / 4.0;
            } else {
                w[s] = 0.3;
            }
        }
        int reverted = LeakRegions.keepInterior(g, far, w, in, SignRepairConfig.DEFAULT.leakWinding());
        assertThat(reverted).isEqualTo(8 * 16 * 16);
        for (int s = 0; s < far.length; s++) {
            g.coords(s, c);
            assertThat(in[s]).as("sample %s", Arrays.toString(c)).isEqualTo(c[0] < 7);
        }
    }

    @Test
    void samplesTheFloodFillAlreadyCalledInsideAreNotTouched() {
        SparseGrid g = grid();
        Arrays.fill(g.values, -5f);
        int[] far = new int[g.values.length];
        double[] w = new double[far.length];
        boolean[] in = new boolean[far.length];
        for (int s = 0; s < far.length; s++) {
            far[s] = s;
            w[s] = 0.6;
            in[s] = true;
        }
        assertThat(LeakRegions.keepInterior(g, far, w, in, SignRepairConfig.DEFAULT.leakWinding())).isZero();
        for (boolean b : in) {
            assertThat(b).isTrue();
        }
    }

    @Test
    void farSamplesEnclosedByTheBandAndTheRepairedInsideBecomeInside() {
        // a 16^3 stored block inside a 32^3 grid whose other bricks are outside; within the block, a near shell
        // (x, y or z at 1 or 14) around a far core; one core sample is inside already, the rest outside by the leak
        int n = 32;
        int nb = n / 8;
        int[] directory = new int[nb * nb * nb];
        Arrays.fill(directory, -1);
        byte[] label = new byte[nb * nb * nb];
        Arrays.fill(label, (byte) 1);
        int[] cells = new int[8];
        int count = 0;
        for (int z = 1; z <= 2; z++) {
            for (int y = 1; y <= 2; y++) {
                for (int x = 1; x <= 2; x++) {
                    int b = x + nb * (y + nb * z);
                    directory[b] = count;
                    cells[count++] = b;
                }
            }
        }
        SparseGrid g = new SparseGrid(n, directory, label, cells, 9f);
        float[] distance = new float[g.values.length];
        boolean[] in = new boolean[g.values.length];
        int[] c = new int[3];
        int core = 0;
        for (int s = 0; s < distance.length; s++) {
            g.coords(s, c);
            boolean shell = false;
            boolean inCore = true;
            for (int a = 0; a < 3; a++) {
                int local = c[a] - 8;
                shell |= local == 1 || local == 14;
                inCore &= local > 1 && local < 14;
            }
            distance[s] = shell ? 0 : 5;
            core += inCore && !shell ? 1 : 0;
            in[s] = inCore && c[0] == 16 && c[1] == 16 && c[2] == 16;
        }
        int turned = LeakRegions.enclosed(g, distance, 1.0, in);
        assertThat(turned).as("the core but its one inside sample").isEqualTo(core - 1);
        for (int s = 0; s < distance.length; s++) {
            g.coords(s, c);
            boolean outer = false;
            for (int a = 0; a < 3; a++) {
                outer |= c[a] - 8 < 1 || c[a] - 8 > 14;
            }
            if (distance[s] > 0) {
                assertThat(in[s]).as("sample %s", Arrays.toString(c)).isEqualTo(!outer);
            }
        }
    }
}
