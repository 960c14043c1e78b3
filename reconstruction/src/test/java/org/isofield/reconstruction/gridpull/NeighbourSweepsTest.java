package org.isofield.reconstruction.gridpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighbourSweepsTest {
    private static final int SIZE = 1000;
    private static final int FIXED = 211;

    /**
     * The branch-free sweeps against the formulation they replaced (a branch per neighbour, a fixed neighbour's
     * weight {@code 2 w_c}): the gradients and Laplacians bit for bit, the losses to rounding.
     */
    @Test
    void sweepsEqualTheBranchingFormulationBitwise() {
        SplittableRandom r = new SplittableRandom(16);
        float[] x = new float[SIZE + FIXED];
        float[] w = new float[SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (3 * r.nextGaussian());
        }
        for (int i = 0; i < SIZE; i++) {
            w[i] = (float) (1 + 4 * r.nextDouble());
        }
        int[] nbr = new int[6 * SIZE];
        for (int e = 0; e < nbr.length; e++) {
            int a = e % SIZE;
            nbr[e] = r.nextDouble() < 0.2 ? SIZE + r.nextInt(FIXED) : Math.floorMod(a + r.nextInt(-70, 71), SIZE);
        }
        int start = 3;
        int end = SIZE - 2;
        float[] grad = new float[SIZE];
        float[] lap = new float[SIZE + FIXED];
        double[] losses = new double[2];
        NeighbourSweeps.smooth(x, w, nbr, SIZE, start, end, 0.37, grad, lap, losses);
        float[] gradRef = new float[SIZE];
        float[] lapRef = new float[SIZE];
        double[] lossesRef = new double[2];
        for (int a = start; a < end; a++) {
            double vc = x[a];
            double wc = w[a];
            double g = 0;
            double sum = -6.0 * vc;
            for (int f = 0; f < 6; f++) {
                int n = nbr[f * SIZE + a];
                double diff = vc - x[n];
                double ws = n < SIZE ? wc + w[n] : 2 * wc;
                sum += x[n];
                g += ws * diff;
                lossesRef[0] += wc * diff * diff;
            }
            gradRef[a] = (float) (0.37 * g);
            lapRef[a] = (float) sum;
            lossesRef[1] += sum * sum;
        }
        assertThat(grad).isEqualTo(gradRef);
        assertThat(Arrays.copyOf(lap, SIZE)).isEqualTo(lapRef);
        assertThat(Arrays.copyOfRange(lap, SIZE, SIZE + FIXED)).as("fixed entries stay 0").containsOnly(0f);
        assertThat(grad[start]).isNotZero();
        assertThat(grad[0]).as("outside the chunk").isZero();
        assertThat(losses[0]).isCloseTo(lossesRef[0], within(1e-12 * lossesRef[0]));
        assertThat(losses[1]).isCloseTo(lossesRef[1], within(1e-12 * lossesRef[1]));

        NeighbourSweeps.bend(lap, nbr, SIZE, start, end, 1.9, grad);
        for (int a = start; a < end; a++) {
            double g = -6.0 * lapRef[a];
            for (int f = 0; f < 6; f++) {
                int n = nbr[f * SIZE + a];
                if (n < SIZE) {
                    g += lapRef[n];
                }
            }
            gradRef[a] += (float) (1.9 * g);
        }
        assertThat(grad).isEqualTo(gradRef);
    }

    @Test
    void aFixedNeighbourWeighsAsTheCentre() {
        int n = 16;
        float[] x = new float[n + 1];
        float[] w = new float[n];
        Arrays.fill(w, 2f);
        x[n] = 1f;
        int[] nbr = new int[6 * n];
        for (int e = 0; e < nbr.length; e++) {
            nbr[e] = e < n ? n : e % n; // +x of every sample is the fixed value 1; the other five are the sample itself
        }
        float[] grad = new float[n];
        float[] lap = new float[n + 1];
        double[] losses = new double[2];
        NeighbourSweeps.smooth(x, w, nbr, n, 0, n, 1.0, grad, lap, losses);
        // v_c = 0: the +x term is (2 + 2) * (0 - 1) = -4, the others 0; the Laplacian is 1; the loss 2 * 1 per sample
        assertThat(grad).containsOnly(-4f);
        assertThat(Arrays.copyOf(lap, n)).containsOnly(1f);
        assertThat(losses[0]).isEqualTo(2.0 * n);
        assertThat(losses[1]).isEqualTo(n);
    }
}
