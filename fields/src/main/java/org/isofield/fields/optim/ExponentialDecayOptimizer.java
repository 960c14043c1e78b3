package org.isofield.fields.optim;

import java.util.Map;

/**
 * Multiplies the nested optimizer's learning rate by {@code decay_base} before step {@code s} (steps already taken)
 * whenever {@code s >= decay_start}, {@code (s - decay_start) % decay_interval == 0} and {@code s <= decay_end}, as
 * tiny-cuda-nn's {@code exponential_decay.h} does; so instant-ngp's SDF schedule (start 10000, interval 5000, base
 * 0.33) uses the base rate for steps 0..9999 and 0.33 times it from step 10000 on.
 */
public final class ExponentialDecayOptimizer implements Optimizer {
    private final ExponentialDecayConfig config;
    private final Optimizer nested;
    private double baseLearningRate;
    private double factor = 1;

    public ExponentialDecayOptimizer(ExponentialDecayConfig config, Optimizer nested) {
        this.config = config;
        this.nested = nested;
        this.baseLearningRate = nested.learningRate();
    }

    @Override
    public void step(float[] params, float[] grads) {
        long s = nested.stepCount();
        if (s == 0) {
            factor = 1;
        }
        if (decaysBefore(config, s)) {
            factor *= config.decayBase();
        }
        nested.setLearningRate(baseLearningRate * factor);
        nested.step(params, grads);
    }

    @Override
    public long stepCount() {
        return nested.stepCount();
    }

    @Override
    public double learningRate() {
        return baseLearningRate * factor;
    }

    @Override
    public void setLearningRate(double learningRate) {
        baseLearningRate = learningRate / factor;
        nested.setLearningRate(baseLearningRate * factor);
    }

    @Override
    public float[] inferenceParams(float[] params) {
        return nested.inferenceParams(params);
    }

    /** Name of this optimizer's state blocks after the prefix; the nested optimizer's follow it. */
    public static final String STATE = "exponential_decay.";

    /**
     * Block {@code exponential_decay.step}: the schedule position (steps taken). The factor is not stored: a restore
     * recomputes it by replaying the schedule, which gives the same double as the uninterrupted run.
     */
    @Override
    public void saveState(String prefix, float[] params, Map<String, float[]> out) {
        String p = prefix + STATE;
        OptimizerState.putCount(out, p + "step", nested.stepCount());
        nested.saveState(p, params, out);
    }

    @Override
    public void restoreState(String prefix, float[] params, Map<String, float[]> in) {
        OptimizerState.requireFresh(this, "ExponentialDecay");
        String p = prefix + STATE;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        nested.restoreState(p, params, in);
        if (nested.stepCount() != s) {
            throw new IllegalArgumentException("optimizer state \"" + p + "step\" = " + s + " but the nested optimizer "
                    + "has taken " + nested.stepCount() + " steps; expected equal counts");
        }
        double f = 1;
        for (long t = 0; t < s; t++) {
            if (decaysBefore(config, t)) {
                f *= config.decayBase();
            }
        }
        factor = f;
        nested.setLearningRate(baseLearningRate * factor);
    }

    /** Whether the rate is multiplied by {@code decay_base} before step {@code s} (steps already taken). */
    public static boolean decaysBefore(ExponentialDecayConfig config, long s) {
        return s >= config.decayStart() && (s - config.decayStart()) % config.decayInterval() == 0
                && s <= config.decayEnd();
    }

    public Optimizer nested() {
        return nested;
    }
}
