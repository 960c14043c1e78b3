package org.isofield.reconstruction.voromesh;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.isofield.core.NumericalException;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.fields.optim.DenseAdamConfig;
import org.isofield.fields.optim.DenseAdamOptimizer;

/**
 * Moves the generators so their bisector planes pass through the points: {@link VoroLoss} on a fresh random
 * {@code sample_fraction} of the points each step, Adam (the paper's betas 0.9 and 0.999) at {@code learning_rate}
 * times {@code decay} per milestone passed, generators clamped to the lattice's box after each step. The generators'
 * KD-tree is rebuilt every step, since the nearest generators change as they move. Deterministic for a seed.
 */
final class GeneratorFit {
    private GeneratorFit() {
    }

    /** The loss at the first and the last step (NaN without steps). */
    record Losses(double first, double last) {
    }

    /**
     * Optimises the first {@code movable} of {@code gen.generators()} in place; the rest (thin-feature generators)
     * take part in the loss and stay where they are.
     */
    static Losses fit(Generators gen, int movable, VoroMeshConfig config, ProgressMeter meter) {
        float[] g = gen.generators();
        float[] points = gen.points();
        int p = points.length / 3;
        int m = Math.max(1, (int) Math.round(config.sampleFraction() * p));
        DenseAdamOptimizer adam = new DenseAdamOptimizer(new DenseAdamConfig(config.learningRate(), 0.9, 0.999, 1e-8),
                g.length);
        int[] order = new int[p];
        Arrays.setAll(order, i -> i);
        float[] q = new float[3 * m];
        float[] grad = new float[g.length];
        SplittableRandom random = new SplittableRandom(config.seed());
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < config.steps(); step++) {
            meter.checkCancelled();
            for (int i = 0; i < m; i++) { // a partial Fisher-Yates shuffle draws m distinct points
                int j = i + random.nextInt(p - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                System.arraycopy(points, 3 * order[i], q, 3 * i, 3);
            }
            Arrays.fill(grad, 0f);
            double loss = VoroLoss.lossAndGradient(KdTree.build(g), g, q, m, config.neighbors(), grad);
            if (!Double.isFinite(loss)) {
                throw new NumericalException("voromesh.optimize", step, "VoroLoss is " + loss + "; expected a finite "
                        + "value (lower learning_rate)");
            }
            if (step == 0) {
                first = loss;
            }
            last = loss;
            Arrays.fill(grad, 3 * movable, grad.length, 0f);
            adam.setLearningRate(config.learningRateAt(step));
            adam.step(g, grad);
            clamp(g, gen.lo(), gen.hi());
            meter.step();
        }
        return new Losses(first, last);
    }

    private static void clamp(float[] g, double[] lo, double[] hi) {
        for (int i = 0; i < g.length; i++) {
            int a = i % 3;
            g[i] = (float) Math.max(lo[a], Math.min(hi[a], g[i]));
        }
    }
}
