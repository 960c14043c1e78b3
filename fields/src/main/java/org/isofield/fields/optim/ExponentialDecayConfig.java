package org.isofield.fields.optim;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * tiny-cuda-nn's {@code "ExponentialDecay"} wrapper: before step {@code s} (the count of steps already taken), when
 * {@code s >= decay_start}, {@code (s - decay_start) % decay_interval == 0} and {@code s <= decay_end}, the learning
 * rate of {@code nested} is multiplied by {@code decay_base}.
 *
 * <pre>{"otype": "ExponentialDecay", "decay_start": 10000, "decay_interval": 5000, "decay_base": 0.33,
 *  "nested": {"otype": "Adam", ...}}</pre>
 */
public record ExponentialDecayConfig(double decayBase, int decayInterval, int decayStart, int decayEnd,
                                     OptimizerConfig nested) implements OptimizerConfig {
    /** tiny-cuda-nn's defaults: base 0.1, interval 10000, start 10000, end 10,000,000. */
    public static final ExponentialDecayConfig DEFAULT =
            new ExponentialDecayConfig(0.1, 10000, 10000, 10_000_000, AdamConfig.DEFAULT);

    public ExponentialDecayConfig {
        Check.configRange("decay_base", decayBase, 0.0, 1.0);
        Check.configRange("decay_interval", decayInterval, 1, Integer.MAX_VALUE);
        Check.configRange("decay_start", decayStart, 0, Integer.MAX_VALUE);
        Check.configRange("decay_end", decayEnd, 0, Integer.MAX_VALUE);
        if (nested == null) {
            throw new ConfigException("nested", "missing; expected an optimizer object with \"otype\"");
        }
    }

    @Override
    public String otype() {
        return "ExponentialDecay";
    }
}
