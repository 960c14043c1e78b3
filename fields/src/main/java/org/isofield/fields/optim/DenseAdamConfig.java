package org.isofield.fields.optim;

import org.isofield.core.Check;

/**
 * Adam as Kingma and Ba wrote it (ICLR 2015), for dense parameter arrays: every parameter every step, one step
 * counter, {@code w -= lr * m_hat / (sqrt(v_hat) + epsilon)} with bias-corrected moments, in float64 arithmetic over
 * float32 moments. GridPull's optimiser of the grid samples. It differs from tiny-cuda-nn's {@link AdamConfig Adam},
 * whose epsilon is added to the uncorrected {@code sqrt(v)}, whose arithmetic is float32 and which skips zero
 * gradients of grid parameters.
 *
 * <pre>{"otype": "DenseAdam", "learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}</pre>
 *
 * @param learningRate base step size
 * @param beta1 decay of the first moment
 * @param beta2 decay of the second moment
 * @param epsilon added to {@code sqrt(v_hat)} in the denominator
 */
public record DenseAdamConfig(double learningRate, double beta1, double beta2, double epsilon)
        implements OptimizerConfig {
    /** The paper's defaults: lr 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public static final DenseAdamConfig DEFAULT = new DenseAdamConfig(1e-3, 0.9, 0.999, 1e-8);

    public DenseAdamConfig {
        Check.configPositive("learning_rate", learningRate);
        Check.configRange("beta1", beta1, 0.0, 0.999999);
        Check.configRange("beta2", beta2, 0.0, 0.999999);
        Check.configPositive("epsilon", epsilon);
    }

    @Override
    public String otype() {
        return "DenseAdam";
    }
}
