package org.isofield.reconstruction.gridpull;

/**
 * The two sweeps over the six lattice neighbours of every active sample that a {@link GridPullTrainer} step makes,
 * on a chunk {@code [start, end)} of the active samples: the continuity gradient with each sample's discrete
 * Laplacian, and the bending gradient that gathers those Laplacians. Neighbours come from {@link ActiveSet#neighbours}
 * (direction-major), values from the trainer's array of active values followed by the fixed ones, weights from
 * {@link ActiveSet#weight}; a fixed neighbour weighs as the centre.
 *
 * <p>Both loops are branch-free: a fixed neighbour's value is read like an active one's, and its weight is read at
 * the centre's index, chosen with integer masks. A compare-and-select on the weight doubled the continuity sweep's
 * time (16 against 8-10 ns a sample, one thread, Zen 5; issue 16). A Vector API form with gathers (8 double lanes)
 * was no faster on the real grids and was dropped: AMD's gather instructions cost about as much as the scalar loads.
 * Per sample the double operations and their order are those of the sweeps before, so the gradients and Laplacians
 * keep their bits; only the loss sums, which are reported and never differentiated, add each sample's six terms on
 * their own before the running sum.
 */
final class NeighbourSweeps {
    private NeighbourSweeps() {
    }

    /**
     * Continuity gradient {@code k * sum_f (w_c + w_f) (v_c - v_f)} into {@code grad}, and with {@code lap} not null
     * the Laplacian {@code sum_f v_f - 6 v_c} into {@code lap}; adds the chunk's continuity loss
     * {@code sum w_c (v_c - v_f)^2} to {@code losses[0]} and its bending loss {@code sum L^2} to {@code losses[1]}.
     */
    static void smooth(float[] x, float[] w, int[] nbr, int size, int start, int end, double k, float[] grad,
                       float[] lap, double[] losses) {
        double loss = 0;
        double bend = 0;
        for (int a = start; a < end; a++) {
            double vc = x[a];
            double wc = w[a];
            double g = 0;
            double own = 0;
            double sum = -6.0 * vc;
            for (int f = 0; f < 6; f++) {
                int n = nbr[f * size + a];
                int activeMask = (n - size) >> 31; // all ones for an active neighbour, 0 for a fixed one
                double xn = x[n];
                double diff = vc - xn;
                double ws = wc + w[(n & activeMask) | (a & ~activeMask)];
                sum += xn;
                g += ws * diff;
                own += wc * diff * diff;
            }
            loss += own;
            grad[a] = (float) (g * k);
            if (lap != null) {
                lap[a] = (float) sum;
                bend += sum * sum;
            }
        }
        losses[0] += loss;
        losses[1] += bend;
    }

    /**
     * Adds the bending gradient {@code k * (sum_f L_f - 6 L_c)} to {@code grad}; a fixed neighbour's entry of
     * {@code lap} is 0.
     */
    static void bend(float[] lap, int[] nbr, int size, int start, int end, double k, float[] grad) {
        for (int a = start; a < end; a++) {
            double g = -6.0 * lap[a];
            for (int f = 0; f < 6; f++) {
                g += lap[nbr[f * size + a]];
            }
            grad[a] += (float) (g * k);
        }
    }
}
