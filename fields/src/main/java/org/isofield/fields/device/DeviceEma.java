package org.isofield.fields.device;

import java.util.Arrays;
import java.util.Map;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.isofield.fields.optim.EmaConfig;
import org.isofield.fields.optim.EmaOptimizer;
import org.isofield.fields.optim.OptimizerState;
import org.isofield.shaders.compute.ComputeModules;

/** {@link EmaOptimizer} on a device (kernel {@code ema_step}); the debias factors come from the twin's formula. */
final class DeviceEma implements DeviceOptimizer {
    private final DeviceOptimizer nested;
    private final double decay;
    private final int count;
    private final DeviceArray ema;
    private final Program program;
    private long step;

    DeviceEma(ComputeDevice device, EmaConfig config, DeviceOptimizer nested, int count) {
        this.nested = nested;
        this.decay = config.decay();
        this.count = count;
        this.ema = device.allocateFloats(Math.max(1, count), "ema.params");
        this.ema.zero();
        this.program = device.program(ComputeModules.get("optimizer"));
    }

    @Override
    public void step(DeviceArray params, DeviceArray grads) {
        nested.step(params, grads);
        step++;
        float[] f = EmaOptimizer.factors(decay, step);
        if (count > 0) {
            program.kernel("ema_step").launch(Launch.over(count, 256), KernelArgs.of().i32("count", count)
                    .f32("old", f[0]).f32("fresh", f[1]).f32("norm", f[2]).array("w", params).array("ema", ema));
        }
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

    @Override
    public DeviceArray inferenceParams(DeviceArray params) {
        return step == 0 ? params : ema;
    }

    @Override
    public void saveState(String prefix, DeviceArray params, Map<String, float[]> out) {
        String p = prefix + EmaOptimizer.STATE;
        OptimizerState.putCount(out, p + "step", step);
        if (step > 0) {
            out.put(p + "training_params", Arrays.copyOf(params.toFloatArray(), count));
        }
        nested.saveState(p, params, out);
    }

    @Override
    public void restoreState(String prefix, DeviceArray params, Map<String, float[]> in) {
        OptimizerState.requireFresh(step, "Ema");
        String p = prefix + EmaOptimizer.STATE;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        if (s > 0) {
            float[] training = OptimizerState.take(in, p + "training_params", count);
            ema.copyFrom(params, 0, 0, count);
            params.upload(training, 0, 0, count);
        }
        nested.restoreState(p, params, in);
        if (nested.stepCount() != s) {
            throw new IllegalArgumentException("optimizer state \"" + p + "step\" = " + s + " but the nested optimizer "
                    + "has taken " + nested.stepCount() + " steps; expected equal counts");
        }
        step = s;
    }

    @Override
    public void close() {
        ema.close();
        nested.close();
    }
}
