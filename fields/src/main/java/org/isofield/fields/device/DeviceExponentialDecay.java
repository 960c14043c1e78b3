package org.isofield.fields.device;

import java.util.Map;
import org.isofield.core.compute.DeviceArray;
import org.isofield.fields.optim.ExponentialDecayConfig;
import org.isofield.fields.optim.ExponentialDecayOptimizer;
import org.isofield.fields.optim.OptimizerState;

/** {@link ExponentialDecayOptimizer}'s schedule in front of a device optimizer (host arithmetic only). */
final class DeviceExponentialDecay implements DeviceOptimizer {
    private final ExponentialDecayConfig config;
    private final DeviceOptimizer nested;
    private double baseLearningRate;
    private double factor = 1;

    DeviceExponentialDecay(ExponentialDecayConfig config, DeviceOptimizer nested) {
        this.config = config;
        this.nested = nested;
        this.baseLearningRate = nested.learningRate();
    }

    @Override
    public void step(DeviceArray params, DeviceArray grads) {
        long s = nested.stepCount();
        if (s == 0) {
            factor = 1;
        }
        if (ExponentialDecayOptimizer.decaysBefore(config, s)) {
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
    public DeviceArray inferenceParams(DeviceArray params) {
        return nested.inferenceParams(params);
    }

    @Override
    public void saveState(String prefix, DeviceArray params, Map<String, float[]> out) {
        String p = prefix + ExponentialDecayOptimizer.STATE;
        OptimizerState.putCount(out, p + "step", nested.stepCount());
        nested.saveState(p, params, out);
    }

    @Override
    public void restoreState(String prefix, DeviceArray params, Map<String, float[]> in) {
        OptimizerState.requireFresh(nested.stepCount(), "ExponentialDecay");
        String p = prefix + ExponentialDecayOptimizer.STATE;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        nested.restoreState(p, params, in);
        if (nested.stepCount() != s) {
            throw new IllegalArgumentException("optimizer state \"" + p + "step\" = " + s + " but the nested optimizer "
                    + "has taken " + nested.stepCount() + " steps; expected equal counts");
        }
        double f = 1;
        for (long t = 0; t < s; t++) {
            if (ExponentialDecayOptimizer.decaysBefore(config, t)) {
                f *= config.decayBase();
            }
        }
        factor = f;
        nested.setLearningRate(baseLearningRate * factor);
    }

    @Override
    public void close() {
        nested.close();
    }
}
