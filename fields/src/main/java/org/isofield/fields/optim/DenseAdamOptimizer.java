package org.isofield.fields.optim;

import java.util.List;
import java.util.Map;
import org.isofield.core.Parallel;
import org.isofield.core.compute.VectorApi;

/**
 * {@link DenseAdamConfig}'s optimizer. Element-wise over fixed chunks, so results do not depend on the thread count;
 * parameter groups only tile the array (their learning-rate factors apply).
 */
public final class DenseAdamOptimizer extends StepClock implements Optimizer {
    /** Name of this optimizer's state blocks after the prefix. */
    public static final String STATE = "dense_adam.";
    private static final int GRAIN = 16_384;
    /**
     * The Vector API update where {@code jdk.incubator.vector} is loaded, unless
     * {@code -Disofield.optimizer.kernels=scalar} is given (bitwise the same results).
     */
    static final boolean VECTOR = VectorApi.enabled("isofield.optimizer.kernels");

    private final DenseAdamConfig config;
    private final List<ParameterGroup> groups;
    private final float[] m;
    private final float[] v;

    public DenseAdamOptimizer(DenseAdamConfig config, List<ParameterGroup> groups, int paramCount) {
        super(config.learningRate());
        this.m = new float[paramCount];
        this.v = new float[paramCount];
        this.groups = List.copyOf(groups);
        ParameterGroup.checkTiles(this.groups, paramCount);
        this.config = config;
    }

    /** Over one group of {@code paramCount} parameters. */
    public DenseAdamOptimizer(DenseAdamConfig config, int paramCount) {
        this(config, List.of(ParameterGroup.of("params", 0, paramCount, ParameterGroup.Kind.MATRIX)),
                paramCount);
    }

    @Override
    public void step(float[] params, float[] grads) {
        if (params.length < m.length || grads.length < m.length) {
            throw new IllegalArgumentException("params and grads need " + m.length + " entries; got " + params.length
                    + " and " + grads.length);
        }
        long step = tick();
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double eps = config.epsilon();
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        for (ParameterGroup g : groups) {
            double lr = learningRate() * g.learningRateFactor();
            int base = g.offset();
            Parallel.forChunks(g.length(), GRAIN, (chunk, start, end) -> {
                if (VECTOR) {
                    VectorDenseAdamKernel.update(params, grads, m, v, base + start, base + end, lr, beta1, beta2, eps,
                            c1, c2);
                } else {
                    scalarUpdate(params, grads, m, v, base + start, base + end, lr, beta1, beta2, eps, c1, c2);
                }
            });
        }
    }

    /**
     * The reference update of entries {@code [from, to)} (the scalar twin of {@link VectorDenseAdamKernel}), float64
     * arithmetic on the float32 state; {@code c1} and {@code c2} are the bias corrections of this step.
     */
    static void scalarUpdate(float[] params, float[] grads, float[] m, float[] v, int from, int to, double lr,
                             double beta1, double beta2, double eps, double c1, double c2) {
        for (int s = from; s < to; s++) {
            double grad = grads[s];
            double mm = beta1 * m[s] + (1 - beta1) * grad;
            double vv = beta2 * v[s] + (1 - beta2) * grad * grad;
            m[s] = (float) mm;
            v[s] = (float) vv;
            params[s] -= (float) (lr * (mm / c1) / (Math.sqrt(vv / c2) + eps));
        }
    }

    @Override
    public float[] inferenceParams(float[] params) {
        return params;
    }

    /** Blocks {@code dense_adam.step}, {@code dense_adam.first_moments} and {@code dense_adam.second_moments}. */
    @Override
    public void saveState(String prefix, float[] params, Map<String, float[]> out) {
        OptimizerState.putMoments(out, prefix + STATE, stepCount(), m, v);
    }

    @Override
    public void restoreState(String prefix, float[] params, Map<String, float[]> in) {
        OptimizerState.requireFresh(this, "DenseAdam");
        String p = prefix + STATE;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        float[] first = OptimizerState.take(in, p + "first_moments", m.length);
        float[] second = OptimizerState.take(in, p + "second_moments", v.length);
        for (int i = 0; i < second.length; i++) {
            if (!(second[i] >= 0)) {
                throw new IllegalArgumentException("optimizer state block \"" + p + "second_moments\" has "
                        + second[i] + " at index " + i + "; expected a value of 0 or more");
            }
        }
        System.arraycopy(first, 0, m, 0, m.length);
        System.arraycopy(second, 0, v, 0, v.length);
        restoreCount(s);
    }
}
