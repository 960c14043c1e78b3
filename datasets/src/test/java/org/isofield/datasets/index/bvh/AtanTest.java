package org.isofield.datasets.index.bvh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AtanTest {

    @Test
    void atan2IsWithinOneUlpOfStrictMath() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 2_000_000; i++) {
            double scale = Math.pow(10, r.nextInt(-12, 13));
            double y = (r.nextDouble() * 2 - 1) * (i % 3 == 0 ? scale : 1);
            double x = (r.nextDouble() * 2 - 1) * (i % 5 == 0 ? scale : 1);
            double expected = StrictMath.atan2(y, x);
            assertThat(Math.abs(Atan.atan2(y, x) - expected)).as("atan2(%s, %s)", y,
                    x).isLessThanOrEqualTo(Math.ulp(expected));
        }
    }

    @Test
    void atan2SpecialValuesMatchMath() {
        double[] v = {0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, 1e300, -1e300, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 0.4375, 0.6875, 1.1875, 2.4375};
        for (double y : v) {
            for (double x : v) {
                if (Double.isInfinite(x)) {
                    continue; // never produced by the solid-angle formula
                }
                double expected = Math.atan2(y, x);
                double actual = Atan.atan2(y, x);
                if (Double.isNaN(expected) || expected == 0) {
                    // NaN stays NaN; zeros keep their sign.
                    assertThat(Double.valueOf(actual)).as("atan2(%s, %s)", y, x).isEqualTo(Double.valueOf(expected));
                } else {
                    assertThat(Math.abs(actual - expected)).as("atan2(%s, %s)", y,
                            x).isLessThanOrEqualTo(Math.ulp(expected));
                }
            }
        }
    }
}
