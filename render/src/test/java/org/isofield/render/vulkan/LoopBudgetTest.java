package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.train.NeuralField;
import org.isofield.render.testing.TestFields;
import org.junit.jupiter.api.Test;

/** The loop budget of the field shaders on llvmpipe and the trace passes it gives; no driver. */
class LoopBudgetTest {
    private static final int MAX_JUMPS = FieldTracer.MAX_STEPS + 4 * FieldTracer.OCCUPANCY_RES;

    private static FieldLayout layout(HashGridConfig grid, MlpConfig mlp) {
        return FieldLayout.of(new NeuralField(TestFields.config(grid, mlp), 1));
    }

    @Test
    void deviceNamesPickTheBudget() {
        assertThat(LoopBudget.forDevice("llvmpipe (LLVM 15.0.6, 256 bits)").limit()).isEqualTo(65535);
        assertThat(LoopBudget.forDevice("NVIDIA H200").limited()).isFalse();
    }

    /**
     * Measured on lavapipe (Mesa 22.3.6) with the 200-step spot field (default shape): one invocation evaluating the
     * same point again and again gave the first wrong value at the tenth evaluation. The count here must agree: nine
     * evaluations (and the repeat loop's passes) fit in 65535, ten do not.
     */
    @Test
    void defaultFieldCountAgreesWithTheMeasuredTenthEvaluation() {
        FieldLayout f = layout(HashGridConfig.DEFAULT, MlpConfig.DEFAULT);
        long value = LoopBudget.valueLoops(f);
        assertThat(9 * value + 9).isLessThanOrEqualTo(LoopBudget.LLVMPIPE);
        assertThat(10 * value + 10).isGreaterThan(LoopBudget.LLVMPIPE);
        assertThat(LoopBudget.gradientLoops(f)).isBetween(value, 3 * value);
    }

    @Test
    void passesOfTheDefaultFieldStayWithinTheBudgetAndEndEveryRay() {
        FieldLayout f = layout(HashGridConfig.DEFAULT, MlpConfig.DEFAULT);
        LoopBudget llvmpipe = new LoopBudget(LoopBudget.LLVMPIPE);
        TracePasses passes = new TracePasses(llvmpipe, f);
        int k = passes.evaluationsPerPass();
        assertThat(k).isGreaterThanOrEqualTo(1);
        long worstPass = (k + 1L) * (LoopBudget.valueLoops(f) + 2) + (long) LoopBudget.MAX_LANES * (MAX_JUMPS + 1);
        assertThat(worstPass).as("loop passes of a march pass").isLessThanOrEqualTo(LoopBudget.LLVMPIPE);
        assertThat(LoopBudget.shadeLoops(f, true)).as("loop passes of the shading pass")
                .isLessThanOrEqualTo(LoopBudget.LLVMPIPE);
        assertThat(passes.finiteDifferencesFit()).isTrue();
        assertThat((long) (passes.count() - 1) * k).as("evaluations over the march passes")
                .isGreaterThanOrEqualTo(TracePasses.MARCH_EVALUATIONS);
        TracePasses gpu = new TracePasses(new LoopBudget(LoopBudget.UNLIMITED), f);
        assertThat(gpu.count()).isEqualTo(1);
        assertThat(gpu.evaluationsPerPass()).isEqualTo(TracePasses.MARCH_EVALUATIONS);
    }

    @Test
    void aFieldBeyondTheBudgetIsRefusedNamingTheLimit() {
        FieldLayout f = layout(new HashGridConfig(4, 2, 12, 4, 1.5, Interpolation.LINEAR),
                new MlpConfig(128, 8, Activation.RELU, Activation.NONE));
        assertThatThrownBy(() -> new TracePasses(new LoopBudget(LoopBudget.LLVMPIPE), f))
                .isInstanceOf(ConfigException.class).hasMessageContaining("network").hasMessageContaining("65535")
                .hasMessageContaining("llvmpipe").hasMessageContaining("width 128 with 8 hidden layers");
        assertThat(new TracePasses(new LoopBudget(LoopBudget.UNLIMITED), f).count()).isEqualTo(1);
    }

    /** 128 wide, 2 hidden layers (FieldParityTest's wide case): analytic normals fit, 4 evaluations do not. */
    @Test
    void aWideNetworkFitsWithAnalyticNormalsOnly() {
        FieldLayout f = layout(new HashGridConfig(4, 2, 14, 8, 1.5, Interpolation.LINEAR),
                new MlpConfig(128, 2, Activation.RELU, Activation.NONE));
        TracePasses passes = new TracePasses(new LoopBudget(LoopBudget.LLVMPIPE), f);
        assertThat(passes.evaluationsPerPass()).isGreaterThanOrEqualTo(1);
        assertThat(passes.finiteDifferencesFit()).isFalse();
    }
}
