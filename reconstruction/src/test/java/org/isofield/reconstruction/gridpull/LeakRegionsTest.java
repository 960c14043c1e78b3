package org.isofield.reconstruction.gridpull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
        int reverted = LeakRegions.keepInterior(g, far, w, in);
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
        assertThat(LeakRegions.keepInterior(g, far, w, in)).isZero();
        for (boolean b : in) {
            assertThat(b).isTrue();
        }
    }
}
