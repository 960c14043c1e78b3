package org.isofield.fields.device;

import java.util.List;
import org.isofield.core.ConfigException;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.fields.optim.AdamConfig;
import org.isofield.fields.optim.EmaConfig;
import org.isofield.fields.optim.ExponentialDecayConfig;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.optim.ParameterGroup;

/** Device twins of the optimizer configs: Adam, Ema and ExponentialDecay in any nesting. */
public final class DeviceOptimizers {
    private DeviceOptimizers() {
    }

    /** The device optimizer of {@code config} over {@code count} parameters tiled by {@code groups}. */
    public static DeviceOptimizer create(ComputeDevice device, OptimizerConfig config, List<ParameterGroup> groups,
                                         int count) {
        if (config instanceof AdamConfig a) {
            return new DeviceAdam(device, a, groups, count);
        } else if (config instanceof EmaConfig e) {
            return new DeviceEma(device, e, create(device, e.nested(), groups, count), count);
        } else if (config instanceof ExponentialDecayConfig d) {
            return new DeviceExponentialDecay(d, create(device, d.nested(), groups, count));
        }
        throw new ConfigException("optimizer.otype", "optimizer " + config.otype() + " has no device kernels;"
                + " expected Adam, Ema or ExponentialDecay");
    }

    /** Device bytes of the optimizer state over {@code count} parameters (Adam moments and counters, EMA copies). */
    public static long stateBytes(OptimizerConfig config, long count) {
        if (config instanceof AdamConfig) {
            return DeviceAdam.stateBytes(count);
        } else if (config instanceof EmaConfig e) {
            return 4 * count + stateBytes(e.nested(), count);
        } else if (config instanceof ExponentialDecayConfig d) {
            return stateBytes(d.nested(), count);
        }
        return 0;
    }
}
