package org.isofield.fields.optim;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * tiny-cuda-nn's {@code "Ema"} wrapper: steps {@code nested}, then keeps a bias-corrected exponential moving average
 * of the parameters, used for inference and export.
 *
 * <pre>{"otype": "Ema", "decay": 0.95, "nested": {"otype": "Adam", ...}}</pre>
 */
public record EmaConfig(double decay, OptimizerConfig nested) implements OptimizerConfig {
    /** Decay 0.99 (tiny-cuda-nn's default) around the default {@link AdamConfig}. */
    public static final EmaConfig DEFAULT = new EmaConfig(0.99, AdamConfig.DEFAULT);

    public EmaConfig {
        Check.configRange("decay", decay, 0.0, 0.999999);
        if (nested == null) {
            throw new ConfigException("nested", "missing; expected an optimizer object with \"otype\"");
        }
    }

    @Override
    public String otype() {
        return "Ema";
    }
}
