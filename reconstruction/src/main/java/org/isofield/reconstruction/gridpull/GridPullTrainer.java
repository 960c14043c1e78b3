package org.isofield.reconstruction.gridpull;

import java.util.List;
import org.isofield.core.NumericalException;
import org.isofield.core.Parallel;
import org.isofield.core.ProgressMeter;
import org.isofield.fields.optim.DenseAdamConfig;
import org.isofield.fields.optim.DenseAdamOptimizer;

/**
 * Optimises the active samples of a {@link SparseGrid} with {@link DenseAdamOptimizer} (beta1 0.9, beta2 0.999,
 * epsilon 1e-8; the learning rate is multiplied by {@code decay} every {@code decaySteps} steps). The loss of one step,
 * in cells:
 * <ul>
 *   <li>pulling: mean over the batch of {@code |q - f(q) n(q) - t|}, with {@code n = grad f / |grad f|};</li>
 *   <li>surface: mean of {@code f(t)^2} at the batch's targets;</li>
 *   <li>gradient consistency: mean of {@code 1 - n(q) . n(t)};</li>
 *   <li>continuity: mean over the active samples ({@link ActiveSet}) of
 *       {@code w_c * sum over the six neighbours (v_nb - v_c)^2}, with {@code w_c = 1 + d_c} (d_c = distance to the
 *       nearest point in cells), so samples farther from the surface are smoothed harder; an inactive neighbour
 *       counts with its fixed value.</li>
 * </ul>
 * Gradients are closed form: f and grad f are linear in the 8 corner values of a cell, so each query scatters to 8
 * corners of its own cell and 8 of its target's. Per-query contributions are computed in parallel into fixed slots
 * and added in batch order, and the continuity term is a gather, so the result does not depend on the thread count.
 */
final class GridPullTrainer {
    private static final int QUERY_GRAIN = 2048;
    private static final int SAMPLE_GRAIN = 32_768;

    private final SparseGrid grid;
    private final ActiveSet active;
    private final QueryPool pool;
    private final GridPullConfig config;
    /** The active samples' values, then the fixed values of their inactive neighbours ({@link ActiveSet#fixed}). */
    private final float[] x;
    private final DenseAdamOptimizer adam;
    private final float[] grad;
    /** Discrete Laplacian of each active sample, then a 0 per fixed value (bending loss only). */
    private final float[] laplacian;

    /** Mean losses of the last step. */
    public record Losses(double pull, double surface, double gradient, double smooth, double bending) {
    }

    GridPullTrainer(SparseGrid grid, ActiveSet active, QueryPool pool, GridPullConfig config) {
        this.grid = grid;
        this.active = active;
        this.pool = pool;
        if (config.smoothWeight().isAuto()) {
            throw new IllegalArgumentException("smooth_weight is auto; resolve it for the cloud first "
                    + "(NoiseEstimate.autoSmoothWeight)");
        }
        this.config = config;
        int size = active.size();
        this.x = new float[size + active.fixed.length];
        for (int a = 0; a < size; a++) {
            x[a] = grid.values[active.slots[a]];
        }
        System.arraycopy(active.fixed, 0, x, size, active.fixed.length);
        this.adam = new DenseAdamOptimizer(new DenseAdamConfig(config.learningRate(), 0.9, 0.999, 1e-8), size);
        this.grad = new float[size];
        this.laplacian = config.bendingWeight() > 0 ? new float[size + active.fixed.length] : null;
    }

    /** Runs {@code config.steps()} steps; returns the losses of the last one (zeros when no step ran). */
    Losses train(ProgressMeter meter) {
        int batch = Math.min(config.batchSize(), pool.size);
        int[] slots = new int[16 * batch];
        float[] deltas = new float[16 * batch];
        Losses last = new Losses(0, 0, 0, 0, 0);
        long offset = 0;
        for (int step = 0; step < config.steps(); step++) {
            double lr = config.learningRate() * Math.pow(config.decay(), step / config.decaySteps());
            long first = offset;
            List<double[]> parts = Parallel.mapChunks(batch, QUERY_GRAIN, (chunk, start, end) -> {
                Scratch scratch = new Scratch();
                for (int b = start; b < end; b++) {
                    int q = (int) ((first + b) % pool.size);
                    query(q, b, batch, slots, deltas, scratch);
                }
                return scratch.sums;
            });
            offset += batch;
            double[] sums = new double[3];
            for (double[] p : parts) {
                for (int a = 0; a < 3; a++) {
                    sums[a] += p[a];
                }
            }
            double[] regular = smoothGradient();
            double smooth = regular[0];
            double bending = regular[1];
            if (laplacian != null) {
                bendingGradient();
            }
            for (int e = 0; e < slots.length; e++) {
                grad[slots[e]] += deltas[e];
            }
            adam.setLearningRate(lr);
            adam.step(x, grad);
            last = new Losses(sums[0] / batch, sums[1] / batch, sums[2] / batch, smooth, bending);
            double total = config.pullWeight() * last.pull() + config.surfaceWeight() * last.surface()
                    + config.gradientWeight() * last.gradient() + config.smoothWeight().value() * last.smooth()
                    + config.bendingWeight() * last.bending();
            if (!Double.isFinite(total)) {
                throw new NumericalException("gridpull.optimize", step, "loss became " + total
                        + "; expected a finite number (try a smaller learning_rate)");
            }
            meter.step();
        }
        for (int a = 0; a < active.size(); a++) {
            grid.values[active.slots[a]] = x[a];
        }
        return last;
    }

    /** Per-chunk scratch arrays and loss sums (pull, surface, gradient). */
    private static final class Scratch {
        final double[] sums = new double[3];
        final double[] wq = new double[32];
        final double[] wt = new double[32];
        final double[] gq = new double[3];
        final double[] gt = new double[3];
        final double[] nq = new double[3];
        final double[] nt = new double[3];
        final double[] r = new double[3];
        final double[] dgq = new double[3];
        final double[] dgt = new double[3];
    }

    /** One query's loss terms and its 16 corner contributions at entries {@code 16 b ..}. */
    private void query(int q, int b, int batch, int[] slots, float[] deltas, Scratch sc) {
        double[] sums = sc.sums;
        double[] wq = sc.wq;
        double[] wt = sc.wt;
        double[] gq = sc.gq;
        double[] gt = sc.gt;
        double fq = eval(pool.querySlots, pool.queryFrac, q, wq, gq);
        int p = pool.target[q];
        double ft = eval(pool.pointSlots, pool.pointFrac, p, wt, gt);
        double lq = Math.sqrt(gq[0] * gq[0] + gq[1] * gq[1] + gq[2] * gq[2] + 1e-12);
        double lt = Math.sqrt(gt[0] * gt[0] + gt[1] * gt[1] + gt[2] * gt[2] + 1e-12);
        double[] nq = sc.nq;
        double[] nt = sc.nt;
        double[] r = sc.r;
        for (int a = 0; a < 3; a++) {
            nq[a] = gq[a] / lq;
            nt[a] = gt[a] / lt;
        }
        double len2 = 0;
        for (int a = 0; a < 3; a++) {
            r[a] = pool.queries[3 * q + a] - fq * nq[a] - pool.points[3 * p + a];
            len2 += r[a] * r[a];
        }
        double len = Math.sqrt(len2);
        double dot = nq[0] * nt[0] + nq[1] * nt[1] + nq[2] * nt[2];
        sums[0] += len;
        sums[1] += ft * ft;
        sums[2] += 1 - dot;
        double pw = config.pullWeight() / batch;
        double gw = config.gradientWeight() / batch;
        double dfq = 0;
        double[] dgq = sc.dgq;
        double[] dgt = sc.dgt;
        dgq[0] = 0;
        dgq[1] = 0;
        dgq[2] = 0;
        if (len > 1e-12) {
            double en = 0;
            for (int a = 0; a < 3; a++) {
                r[a] /= len;
                en += r[a] * nq[a];
            }
            dfq = -pw * en;
            for (int a = 0; a < 3; a++) {
                dgq[a] = -pw * fq / lq * (r[a] - en * nq[a]);
            }
        }
        for (int a = 0; a < 3; a++) {
            dgq[a] -= gw * (nt[a] - dot * nq[a]) / lq;
            dgt[a] = -gw * (nq[a] - dot * nt[a]) / lt;
        }
        double dft = 2 * ft * config.surfaceWeight() / batch;
        int e = 16 * b;
        for (int c = 0; c < 8; c++) {
            slots[e + c] = pool.querySlots[8 * q + c];
            deltas[e + c] = (float) (dfq * wq[4 * c] + dgq[0] * wq[4 * c + 1] + dgq[1] * wq[4 * c + 2]
                    + dgq[2] * wq[4 * c + 3]);
            slots[e + 8 + c] = pool.pointSlots[8 * p + c];
            deltas[e + 8 + c] = (float) (dft * wt[4 * c] + dgt[0] * wt[4 * c + 1] + dgt[1] * wt[4 * c + 2]
                    + dgt[2] * wt[4 * c + 3]);
        }
    }

    /** Trilinear value at entry {@code at}; per corner its weight and weight gradient into {@code w[4c..4c+3]}. */
    private double eval(int[] slotTable, float[] frac, int at, double[] w, double[] g) {
        double fx = frac[3 * at];
        double fy = frac[3 * at + 1];
        double fz = frac[3 * at + 2];
        double f = 0;
        g[0] = 0;
        g[1] = 0;
        g[2] = 0;
        for (int c = 0; c < 8; c++) {
            double wx = (c & 1) != 0 ? fx : 1 - fx;
            double wy = (c & 2) != 0 ? fy : 1 - fy;
            double wz = (c & 4) != 0 ? fz : 1 - fz;
            double sx = (c & 1) != 0 ? 1 : -1;
            double sy = (c & 2) != 0 ? 1 : -1;
            double sz = (c & 4) != 0 ? 1 : -1;
            double val = x[slotTable[8 * at + c]];
            w[4 * c] = wx * wy * wz;
            w[4 * c + 1] = sx * wy * wz;
            w[4 * c + 2] = wx * sy * wz;
            w[4 * c + 3] = wx * wy * sz;
            f += val * w[4 * c];
            g[0] += val * w[4 * c + 1];
            g[1] += val * w[4 * c + 2];
            g[2] += val * w[4 * c + 3];
        }
        return f;
    }

    /**
     * Writes the continuity gradient of every active sample into {@link #grad}; returns the continuity loss and the
     * bending loss (0 with the bending term off). With the bending term on, the same sweep over the neighbours also
     * writes each sample's discrete Laplacian into {@link #laplacian} (the first half of {@link #bendingGradient}):
     * one gather over the six neighbours instead of two, the largest cost of a step on big grids (issue 16). The
     * sweep is {@link NeighbourSweeps#smooth}.
     */
    private double[] smoothGradient() {
        int size = active.size();
        double k = config.smoothWeight().value() * 2.0 / size;
        List<double[]> parts = Parallel.mapChunks(size, SAMPLE_GRAIN, (chunk, start, end) -> {
            double[] losses = new double[2];
            NeighbourSweeps.smooth(x, active.weight, active.neighbours, size, start, end, k, grad, laplacian, losses);
            return losses;
        });
        double total = 0;
        double bendTotal = 0;
        for (double[] p : parts) {
            total += p[0];
            bendTotal += p[1];
        }
        return new double[] {total / size, bendTotal / size};
    }

    /**
     * Adds the gradient of the bending loss to {@link #grad}: the mean over the active samples of {@code L_c^2},
     * {@code L_c = sum over the six neighbours v_nb - 6 v_c} (an inactive neighbour counts with its fixed value;
     * {@link #smoothGradient} returns the loss). L vanishes on a linear field, so a plane's distance field costs
     * nothing. L of every active sample comes from {@link #smoothGradient}'s sweep; this sweep
     * ({@link NeighbourSweeps#bend}) gathers it: {@code dLoss/dv_c = 2 (-6 L_c + sum over active neighbours L_nb) /
     * size}.
     */
    private void bendingGradient() {
        int size = active.size();
        double k = config.bendingWeight() * 2.0 / size;
        Parallel.forChunks(size, SAMPLE_GRAIN, (chunk, start, end) ->
                NeighbourSweeps.bend(laplacian, active.neighbours, size, start, end, k, grad));
    }
}
