package org.isofield.fields.optim;

import org.isofield.core.Check;

/**
 * tiny-cuda-nn's Adam ({@code optimizers/adam.h}). Keys as in tiny-cuda-nn's JSON.
 *
 * <pre>{"otype": "Adam", "learning_rate": 1e-4, "beta1": 0.9, "beta2": 0.99, "epsilon": 1e-15, "l2_reg": 1e-6}</pre>
 *
 * @param learningRate base step size
 * @param beta1 decay of the first moment
 * @param beta2 decay of the second moment
 * @param epsilon added to {@code sqrt(v)} in the denominator
 * @param l2Reg L2 regularisation added to the gradient of {@link ParameterGroup.Kind#MATRIX} parameters only
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon, double l2Reg)
        implements OptimizerConfig {
    /**
     * instant-ngp's SDF values ({@code configs/sdf/base.json}): lr 1e-4, beta1 0.9, beta2 0.99, epsilon 1e-15,
     * l2_reg 1e-6. tiny-cuda-nn's code defaults differ (1e-3, 0.9, 0.999, 1e-8, 1e-8); every shipped instant-ngp config
     * overrides them as here.
     */
    public static final AdamConfig DEFAULT = new AdamConfig(1e-4, 0.9, 0.99, 1e-15, 1e-6);

    public AdamConfig {
        Check.configPositive("learning_rate", learningRate);
        Check.configRange("beta1", beta1, 0.0, 0.999999);
        Check.configRange("beta2", beta2, 0.0, 0.999999);
        Check.configPositive("epsilon", epsilon);
        Check.configRange("l2_reg", l2Reg, 0.0, 1.0);
    }

    @Override
    public String otype() {
        return "Adam";
    }
}
