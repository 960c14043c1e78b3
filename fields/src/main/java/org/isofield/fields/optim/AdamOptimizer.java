package org.isofield.fields.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.isofield.core.Parallel;
import org.isofield.core.compute.VectorApi;

/**
 * Adam (Kingma & Ba 2015) as tiny-cuda-nn's {@code adam.h} runs it. For entry {@code i} with gradient {@code g}:
 * <pre>
 *   GRID range and g == 0:  skipped entirely (weight, moments and step counter unchanged)
 *   MATRIX range:           g += l2_reg * w
 *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2;   k = ++steps[i]
 *   lr_k = learning_rate * factor * sqrt(1 - beta2^k) / (1 - beta1^k)
 *   w -= lr_k / (sqrt(v) + epsilon) * m
 * </pre>
 * {@code factor} is the range's {@link ParameterGroup#learningRateFactor()}. Every entry has its own step counter
 * {@code k}, because skipped grid entries see fewer steps. Matrix entries are never skipped, even with a zero
 * gradient. The bias correction for each {@code k} is computed once in float64 and rounded to float.
 * Arithmetic is float32 otherwise; moments and counters are exposed for checkpoints ({@link #saveState}).
 */
public final class AdamOptimizer extends StepClock implements Optimizer {
    private static final int GRAIN = 1 << 16;
    /**
     * The Vector API update where {@code jdk.incubator.vector} is loaded, unless
     * {@code -Disofield.optimizer.kernels=scalar} is given (bitwise the same results).
     */
    static final boolean VECTOR = VectorApi.enabled("isofield.optimizer.kernels");

    private final AdamConfig config;
    private final List<ParameterGroup> groups;
    private final float[] firstMoments;
    private final float[] secondMoments;
    private final int[] paramSteps;
    private float[] correction = new float[1];

    public AdamOptimizer(AdamConfig config, List<ParameterGroup> groups, int paramCount) {
        super(config.learningRate());
        ParameterGroup.checkTiles(groups, paramCount);
        this.config = config;
        this.groups = List.copyOf(groups);
        this.firstMoments = new float[paramCount];
        this.secondMoments = new float[paramCount];
        this.paramSteps = new int[paramCount];
    }

    @Override
    public void step(float[] params, float[] grads) {
        int count = firstMoments.length;
        if (params.length < count || grads.length < count) {
            throw new IllegalArgumentException("params and grads need " + count + " entries; got " + params.length
                    + " and " + grads.length);
        }
        long step = tick();
        growCorrection(step);
        float beta1 = (float) config.beta1();
        float beta2 = (float) config.beta2();
        float eps = (float) config.epsilon();
        float l2 = (float) config.l2Reg();
        float[] corr = correction;
        for (ParameterGroup g : groups) {
            boolean grid = g.kind() == ParameterGroup.Kind.GRID;
            float lr = (float) (learningRate() * g.learningRateFactor());
            int base = g.offset();
            Parallel.forChunks(g.length(), GRAIN, (chunk, start, end) ->
                    update(params, grads, base + start, base + end, grid, lr, beta1, beta2, eps, l2, corr));
        }
    }

    private void update(float[] w, float[] grads, int from, int to, boolean grid, float lr, float beta1, float beta2,
                        float eps, float l2, float[] corr) {
        if (VECTOR) {
            VectorAdamKernel.update(w, grads, firstMoments, secondMoments, paramSteps, from, to, grid, lr, beta1, beta2,
                    eps, l2, corr);
        } else {
            scalarUpdate(w, grads, firstMoments, secondMoments, paramSteps, from, to, grid, lr, beta1, beta2, eps, l2,
                    corr);
        }
    }

    /** The reference update of entries {@code [from, to)} (the scalar twin of {@link VectorAdamKernel}). */
    static void scalarUpdate(float[] w, float[] grads, float[] m, float[] v, int[] steps, int from, int to,
                             boolean grid, float lr, float beta1, float beta2, float eps, float l2, float[] corr) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        for (int i = from; i < to; i++) {
            float g = grads[i];
            if (grid) {
                if (g == 0f) {
                    continue;
                }
            } else {
                g += l2 * w[i];
            }
            float mi = beta1 * m[i] + oneMinusBeta1 * g;
            float vi = beta2 * v[i] + oneMinusBeta2 * (g * g);
            m[i] = mi;
            v[i] = vi;
            int k = ++steps[i];
            float effective = lr * corr[k] / ((float) Math.sqrt(vi) + eps);
            w[i] -= effective * mi;
        }
    }

    private void growCorrection(long upTo) {
        if (upTo >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Adam step counter overflow");
        }
        if (correction.length > upTo) {
            return;
        }
        int size = (int) Math.max(upTo + 1, Math.min(Integer.MAX_VALUE - 8L, correction.length * 2L));
        float[] c = Arrays.copyOf(correction, size);
        for (int k = Math.max(1, correction.length); k < size; k++) {
            c[k] = (float) biasCorrection(config.beta1(), config.beta2(), k);
        }
        correction = c;
    }

    /** {@code sqrt(1 - beta2^k) / (1 - beta1^k)} in float64, on betas rounded to float as the kernel uses them. */
    public static double biasCorrection(double beta1, double beta2, int k) {
        double b1 = (float) beta1;
        double b2 = (float) beta2;
        return Math.sqrt(1 - Math.pow(b2, k)) / (1 - Math.pow(b1, k));
    }

    @Override
    public float[] inferenceParams(float[] params) {
        return params;
    }

    /** Name of this optimizer's state blocks after the prefix. */
    public static final String STATE = "adam.";

    /**
     * Blocks {@code adam.step} (steps taken), {@code adam.first_moments}, {@code adam.second_moments} and
     * {@code adam.param_steps} (per-parameter step counters, each at most the step count).
     */
    @Override
    public void saveState(String prefix, float[] params, Map<String, float[]> out) {
        String p = prefix + STATE;
        OptimizerState.putMoments(out, p, stepCount(), firstMoments, secondMoments);
        float[] k = new float[paramSteps.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = paramSteps[i];
        }
        out.put(p + "param_steps", k);
    }

    @Override
    public void restoreState(String prefix, float[] params, Map<String, float[]> in) {
        OptimizerState.requireFresh(this, "Adam");
        String p = prefix + STATE;
        int n = firstMoments.length;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        float[] m = OptimizerState.take(in, p + "first_moments", n);
        float[] v = OptimizerState.take(in, p + "second_moments", n);
        float[] k = OptimizerState.take(in, p + "param_steps", n);
        validate(p, v, k, s);
        System.arraycopy(m, 0, firstMoments, 0, n);
        System.arraycopy(v, 0, secondMoments, 0, n);
        for (int i = 0; i < n; i++) {
            paramSteps[i] = (int) k[i];
        }
        restoreCount(s);
    }

    /**
     * Checks restored Adam state: every per-parameter step count a whole number from 0 to the step count {@code s},
     * every second moment 0 or more.
     *
     * @throws IllegalArgumentException naming the block, the index and the value
     */
    public static void validate(String p, float[] v, float[] k, long s) {
        for (int i = 0; i < k.length; i++) {
            if (!(k[i] >= 0) || k[i] > s || k[i] != Math.rint(k[i])) {
                throw new IllegalArgumentException("optimizer state block \"" + p + "param_steps\" has " + k[i]
                        + " at index " + i + "; expected a whole number from 0 to the step count " + s);
            }
            if (v[i] < 0) {
                throw new IllegalArgumentException("optimizer state block \"" + p + "second_moments\" has " + v[i]
                        + " at index " + i + "; expected a value of 0 or more");
            }
        }
    }

    public AdamConfig config() {
        return config;
    }

    /** First moments (live array), for checkpoints. */
    public float[] firstMoments() {
        return firstMoments;
    }

    /** Second moments (live array), for checkpoints. */
    public float[] secondMoments() {
        return secondMoments;
    }

    /** Per-parameter step counters (live array), for checkpoints. */
    public int[] paramSteps() {
        return paramSteps;
    }
}
