package org.isofield.encodings.frequency;

import org.isofield.core.Check;
import org.isofield.encodings.EncodingConfig;

/**
 * Frequency (sin/cos positional) encoding, tiny-cuda-nn's {@code Frequency}.
 *
 * @param nFrequencies frequencies per input dimension (1 to 24): {@code 2^0 pi} to {@code 2^(n-1) pi}
 */
public record FrequencyConfig(int nFrequencies) implements EncodingConfig {
    /** tiny-cuda-nn's default: 12 frequencies. */
    public static final FrequencyConfig DEFAULT = new FrequencyConfig(12);

    public FrequencyConfig {
        Check.configRange("n_frequencies", nFrequencies, 1, 24);
    }

    @Override
    public String otype() {
        return "Frequency";
    }
}
