package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isofield.fields.device.Parity.abs;
import static org.isofield.fields.device.Parity.gaussian;

import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.MlpNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The half-precision twin: its rounding against the binary16 definition, and its forward pass against the fp32
 * network within the derived fp16 bound of {@link CudaFp16MlpGpuTest} (so the bound the GPU test uses is checked here
 * on real numbers, without a GPU).
 */
class HalfPrecisionForwardTest {
    @Test
    void roundsToNearestEvenHalf() {
        assertThat(HalfPrecisionForward.roundToHalf(1f)).isEqualTo(1f);
        assertThat(HalfPrecisionForward.roundToHalf(1f + 0x1p-11f)).isEqualTo(1f);
        assertThat(HalfPrecisionForward.roundToHalf(1f + 3 * 0x1p-11f)).isEqualTo(1f + 0x1p-9f);
        assertThat(HalfPrecisionForward.roundToHalf(1f + 0x1p-11f + 0x1p-20f)).isEqualTo(1f + 0x1p-10f);
        assertThat(HalfPrecisionForward.roundToHalf(-0.1f)).isEqualTo(-0.0999755859375f);
        assertThat(HalfPrecisionForward.roundToHalf(65504f)).isEqualTo(65504f);
        assertThat(HalfPrecisionForward.roundToHalf(65519f)).isEqualTo(65504f);
        assertThat(HalfPrecisionForward.roundToHalf(65520f)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfPrecisionForward.roundToHalf(0x1p-24f)).isEqualTo(0x1p-24f);
        assertThat(HalfPrecisionForward.roundToHalf(0x1p-25f)).isEqualTo(0f);
        assertThat(HalfPrecisionForward.roundToHalf(3 * 0x1p-25f)).isEqualTo(0x1p-23f);
        assertThat(HalfPrecisionForward.roundToHalf(0x1p-14f - 0x1p-30f)).isEqualTo(0x1p-14f);
        assertThat(HalfPrecisionForward.roundToHalf(Float.NaN)).isNaN();
    }

    @ParameterizedTest(name = "{0} in {1} out {2}")
    @MethodSource("org.isofield.fields.device.CudaFp16MlpGpuTest#networks")
    void twinIsWithinTheFp16BoundOfTheFp32Network(MlpConfig config, int din, int dout) {
        int n = 1000;
        MlpNetwork cpu = new MlpNetwork(config, din, dout, 5);
        MlpNetwork bound = MlpParityContract.absolute(config, cpu, din, dout);
        float[] x = gaussian(n * din, 1, 1.0);
        float[] y = new float[n * dout];
        float[] yb = new float[n * dout];
        float[] half = new float[n * dout];
        cpu.forward(x, n, y);
        bound.forward(abs(x), n, yb);
        HalfPrecisionForward.forward(cpu, x, n, half);
        double worst = CudaFp16MlpGpuTest.worstOfBound(half, y, yb, CudaFp16MlpGpuTest.FP16_BOUND);
        assertThat(worst).as("largest error as a fraction of the fp16 bound").isLessThanOrEqualTo(1.0);
        assertThat(worst).as("the twin rounds (it is not the fp32 pass)").isGreaterThan(0.0);
    }
}
