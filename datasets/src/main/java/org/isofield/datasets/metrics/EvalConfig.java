package org.isofield.datasets.metrics;

import java.util.List;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.core.config.ComponentConfig;
import org.isofield.datasets.sample.SamplerConfig;

/**
 * Settings of {@link SurfaceMetrics} (otype {@code "Surface"}).
 *
 * @param samples points sampled on each surface, 1 to {@link SamplerConfig#MAX_POINTS}
 * @param seed seed of the one random stream both samplings are split from
 * @param fscoreThresholds distance thresholds of the F-score in the normalised frame (longest side of the ground
 *     truth's bounding box = 1), at least one, each finite and above 0 (JSON {@code fscore_thresholds})
 */
public record EvalConfig(int samples, long seed, List<Double> fscoreThresholds) implements ComponentConfig {
    /** 100000 samples, seed 0, F-score at 0.01 and 0.005. */
    public static final EvalConfig DEFAULT = new EvalConfig(100_000, 0L, List.of(0.01, 0.005));

    public EvalConfig {
        Check.configRange("samples", samples, 1, SamplerConfig.MAX_POINTS);
        if (fscoreThresholds == null || fscoreThresholds.isEmpty()) {
            throw new ConfigException("fscore_thresholds", "found " + fscoreThresholds
                    + "; expected a list of at least one distance above 0");
        }
        for (int i = 0; i < fscoreThresholds.size(); i++) {
            Double t = fscoreThresholds.get(i);
            if (t == null || !(t > 0) || t.isInfinite()) {
                throw new ConfigException("fscore_thresholds[" + i + "]", "value " + t
                        + " out of range; expected a finite distance above 0");
            }
        }
        fscoreThresholds = List.copyOf(fscoreThresholds);
    }

    @Override
    public String otype() {
        return "Surface";
    }
}
