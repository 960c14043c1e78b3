package org.isofield.fields.optim;

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
        float old = (float) (decay * (1 - Math.pow(decay, step - 1)));
        float fresh = (float) (1 - decay);
        float norm = (float) (1 / (1 - Math.pow(decay, step)));
        org.isofield.core.Parallel.forChunks(ema.length, 1 << 16, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                ema[i] = (old * ema[i] + fresh * params[i]) * norm;
            }
        });
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

    public Optimizer nested() {
        return nested;
    }
}
