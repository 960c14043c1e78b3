package org.isofield.fields.optim;

import java.util.Arrays;
import java.util.Map;
import org.isofield.core.Parallel;

/**
 * Steps the nested optimizer, then updates a bias-corrected exponential moving average of the parameters: after
 * step {@code t}, with {@code d = decay},
 * <pre>  ema_t = (d (1 - d^(t-1)) ema_{t-1} + (1 - d) w_t) / (1 - d^t)</pre>
 * which equals the plain average {@code sum_j (1 - d) d^(t-j) w_j} divided by its weight sum {@code 1 - d^t}
 * (so {@code ema_1 = w_1}). Computed in float32 with the two debias factors in float64.
 */
public final class EmaOptimizer implements Optimizer {
    private final Optimizer nested;
    private final double decay;
    private final float[] ema;
    private long step;

    public EmaOptimizer(EmaConfig config, Optimizer nested, int paramCount) {
        this.nested = nested;
        this.decay = config.decay();
        this.ema = new float[paramCount];
    }

    @Override
    public void step(float[] params, float[] grads) {
        nested.step(params, grads);
        step++;
        float[] f = factors(decay, step);
        float old = f[0];
        float fresh = f[1];
        float norm = f[2];
        Parallel.forChunks(ema.length, 1 << 16, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                ema[i] = (old * ema[i] + fresh * params[i]) * norm;
            }
        });
    }

    /** The factors {@code old, fresh, norm} of step {@code t}: {@code ema_t = (old ema_(t-1) + fresh w_t) norm}. */
    public static float[] factors(double decay, long t) {
        return new float[] {(float) (decay * (1 - Math.pow(decay, t - 1))), (float) (1 - decay),
            (float) (1 / (1 - Math.pow(decay, t)))};
    }

    @Override
    public long stepCount() {
        return step;
    }

    @Override
    public double learningRate() {
        return nested.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        nested.setLearningRate(learningRate);
    }

    /** The moving average once a step was taken, else {@code params}. */
    @Override
    public float[] inferenceParams(float[] params) {
        return step == 0 ? params : ema;
    }

    /** Name of this optimizer's state blocks after the prefix; the nested optimizer's follow it. */
    public static final String STATE = "ema.";

    /**
     * Block {@code ema.step}, and after the first step {@code ema.training_params}: the parameters being trained. The
     * moving average itself is the inference parameters, which a checkpoint stores as its parameter blocks, so it is
     * not repeated here.
     */
    @Override
    public void saveState(String prefix, float[] params, Map<String, float[]> out) {
        String p = prefix + STATE;
        OptimizerState.putCount(out, p + "step", step);
        if (step > 0) {
            out.put(p + "training_params", Arrays.copyOf(params, ema.length));
        }
        nested.saveState(p, params, out);
    }

    @Override
    public void restoreState(String prefix, float[] params, Map<String, float[]> in) {
        OptimizerState.requireFresh(this, "Ema");
        String p = prefix + STATE;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        if (s > 0) {
            float[] training = OptimizerState.take(in, p + "training_params", ema.length);
            System.arraycopy(params, 0, ema, 0, ema.length);
            System.arraycopy(training, 0, params, 0, ema.length);
        }
        nested.restoreState(p, params, in);
        if (nested.stepCount() != s) {
            throw new IllegalArgumentException("optimizer state \"" + p + "step\" = " + s + " but the nested optimizer "
                    + "has taken " + nested.stepCount() + " steps; expected equal counts");
        }
        step = s;
    }

    public Optimizer nested() {
        return nested;
    }
}
