package org.isofield.encodings.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FrequencyEncodingTest {
    @Test
    void outputsFollowTinyCudaNnOrder() {
        FrequencyEncoding enc = new FrequencyEncoding(new FrequencyConfig(3), 2);
        assertThat(enc.outputDims()).isEqualTo(12);
        float[] x = {0.3f, -0.7f};
        float[] y = new float[12];
        enc.encode(x, 1, y);
        for (int d = 0; d < 2; d++) {
            for (int k = 0; k < 3; k++) {
                double a = Math.pow(2, k) * Math.PI * x[d];
                assertThat(y[d * 6 + 2 * k]).isCloseTo((float) Math.sin(a), within(1e-6f));
                assertThat(y[d * 6 + 2 * k + 1]).isCloseTo((float) Math.cos(a), within(1e-6f));
            }
        }
        assertThat(enc.paramCount()).isZero();
    }
}
