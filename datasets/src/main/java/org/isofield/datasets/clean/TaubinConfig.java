package org.isofield.datasets.clean;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * Settings of {@link TaubinSmoothing} (otype {@code "Taubin"}): each iteration is a shrinking step with
 * {@code lambda} then an inflating step with {@code mu}; their pass-band frequency {@code 1/lambda + 1/mu} must be
 * above 0 (Taubin 1995 suggests 0.01 to 0.1; the defaults give 0.113).
 *
 * @param iterations lambda-mu pairs, 1 to 10000 (10)
 * @param lambda the shrinking factor, above 0 to 1 (0.5)
 * @param mu the inflating factor, -1 to below 0, with {@code |mu| > lambda} (-0.53)
 */
public record TaubinConfig(int iterations, double lambda, double mu) implements CleanStepConfig {
    /** Ten iterations of lambda 0.5, mu -0.53. */
    public static final TaubinConfig DEFAULT = new TaubinConfig(10, 0.5, -0.53);

    public TaubinConfig {
        Check.configRange("iterations", iterations, 1, 10_000);
        Check.configRange("lambda", lambda, 1e-6, 1.0);
        Check.configRange("mu", mu, -1.0, -1e-6);
        if (!(-mu > lambda)) {
            throw new ConfigException("mu", "found mu " + mu + " with lambda " + lambda + "; expected |mu| > lambda"
                    + " (else the mesh shrinks like Laplacian smoothing), e.g. lambda 0.5, mu -0.53");
        }
    }

    @Override
    public String otype() {
        return "Taubin";
    }
}
