package org.isofield.fields.device;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.isofield.fields.optim.AdamConfig;
import org.isofield.fields.optim.AdamOptimizer;
import org.isofield.fields.optim.OptimizerState;
import org.isofield.fields.optim.ParameterGroup;
import org.isofield.fields.optim.StepClock;
import org.isofield.shaders.compute.ComputeModules;

/**
 * {@link AdamOptimizer} on a device (kernel {@code adam_step}): moments and per-parameter step counters in device
 * memory, the bias-correction table computed on the host exactly as the twin computes it and uploaded as it grows.
 * Bitwise the twin's step for the same gradients.
 */
final class DeviceAdam extends StepClock implements DeviceOptimizer {
    private final AdamConfig config;
    private final List<ParameterGroup> groups;
    private final ComputeDevice device;
    private final Program program;
    private final int count;
    private final DeviceArray m;
    private final DeviceArray v;
    private final DeviceArray steps;
    private DeviceArray correction;
    private int corrLength;

    DeviceAdam(ComputeDevice device, AdamConfig config, List<ParameterGroup> groups, int count) {
        super(config.learningRate());
        ParameterGroup.checkTiles(groups, count);
        this.device = device;
        this.config = config;
        this.groups = List.copyOf(groups);
        this.count = count;
        this.program = device.program(ComputeModules.get("optimizer"));
        int n = Math.max(1, count);
        m = device.allocateFloats(n, "adam.first_moments");
        v = device.allocateFloats(n, "adam.second_moments");
        steps = device.allocateInts(n, "adam.param_steps");
        m.zero();
        v.zero();
        steps.zero();
        growCorrection(1024);
    }

    /** Bytes of state for {@code count} parameters. */
    static long stateBytes(long count) {
        return 12 * count;
    }

    private void growCorrection(long upTo) {
        if (upTo < corrLength) {
            return;
        }
        int size = (int) Math.max(upTo + 1, 2L * corrLength);
        float[] c = new float[size];
        for (int k = 1; k < size; k++) {
            c[k] = (float) AdamOptimizer.biasCorrection(config.beta1(), config.beta2(), k);
        }
        if (correction != null) {
            correction.close();
        }
        correction = device.upload(c, "adam.bias_correction");
        corrLength = size;
    }

    @Override
    public void step(DeviceArray params, DeviceArray grads) {
        long step = tick();
        growCorrection(step);
        for (ParameterGroup g : groups) {
            if (g.length() == 0) {
                continue;
            }
            float lr = (float) (learningRate() * g.learningRateFactor());
            program.kernel("adam_step").launch(Launch.over(g.length(), 256), KernelArgs.of().i32("count", g.length())
                    .i32("offset", g.offset()).i32("grid", g.kind() == ParameterGroup.Kind.GRID ? 1 : 0)
                    .f32("lr", lr).f32("beta1", (float) config.beta1()).f32("beta2", (float) config.beta2())
                    .f32("eps", (float) config.epsilon()).f32("l2", (float) config.l2Reg()).array("w", params)
                    .array("grads", grads).array("m", m).array("v", v).array("steps", steps)
                    .array("corr", correction));
        }
    }

    @Override
    public DeviceArray inferenceParams(DeviceArray params) {
        return params;
    }

    @Override
    public void saveState(String prefix, DeviceArray params, Map<String, float[]> out) {
        String p = prefix + AdamOptimizer.STATE;
        OptimizerState.putCount(out, p + "step", stepCount());
        out.put(p + "first_moments", Arrays.copyOf(m.toFloatArray(), count));
        out.put(p + "second_moments", Arrays.copyOf(v.toFloatArray(), count));
        int[] k = steps.toIntArray();
        float[] kf = new float[count];
        for (int i = 0; i < count; i++) {
            kf[i] = k[i];
        }
        out.put(p + "param_steps", kf);
    }

    @Override
    public void restoreState(String prefix, DeviceArray params, Map<String, float[]> in) {
        OptimizerState.requireFresh(stepCount(), "Adam");
        String p = prefix + AdamOptimizer.STATE;
        long s = OptimizerState.takeCount(in, p + "step", OptimizerState.MAX_EXACT_COUNT);
        float[] mm = OptimizerState.take(in, p + "first_moments", count);
        float[] vv = OptimizerState.take(in, p + "second_moments", count);
        float[] k = OptimizerState.take(in, p + "param_steps", count);
        AdamOptimizer.validate(p, vv, k, s);
        m.upload(mm, 0, 0, count);
        v.upload(vv, 0, 0, count);
        int[] ki = new int[count];
        for (int i = 0; i < count; i++) {
            ki[i] = (int) k[i];
        }
        steps.upload(ki, 0, 0, count);
        restoreCount(s);
    }

    @Override
    public void close() {
        m.close();
        v.close();
        steps.close();
        correction.close();
    }
}
