package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.isofield.core.ConfigException;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.train.NeuralField;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.testing.TestFields;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field shaders' evaluation ({@code field_eval.comp}, the includes {@code field_trace.comp} uses) against the CPU
 * field on 64k seeded points: {@code |gpu - cpu| <= 1e-4 + 1e-3 |cpu|} everywhere. Small fields with dense and
 * hashed levels. Validation layer on; any warning or error fails.
 */
class FieldParityTest {
    static final int N = 1 << 16;
    private static VulkanContext ctx;

    @BeforeAll
    static void open() {
        VulkanTesting.assumeVulkanWithValidation();
        ctx = VulkanContext.create(true);
    }

    @AfterAll
    static void close() {
        if (ctx != null) {
            java.util.List<String> messages = ctx.validationMessages();
            ctx.close();
            assertThat(messages).as("validation messages").isEmpty();
        }
    }

    static float[] points(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] xyz = new float[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < 24; i++) {   // the cube's corners and faces, where the +0.5 shift wraps dense rows
            xyz[3 * i + i % 3] = i % 2 == 0 ? 0f : 1f;
        }
        return xyz;
    }

    private static void assertParity(NeuralField field, long seed, int n) {
        float[] xyz = points(seed, n);
        float[] cpu = new float[n];
        field.evaluate(xyz, n, cpu);
        float[] gpu;
        try (FieldTracer tracer = new FieldTracer(ctx, new FieldSurface(field, 1, Vec3d.ZERO))) {
            gpu = tracer.evaluate(xyz, n);
        }
        int worst = 0;
        double worstExcess = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double excess = Math.abs(gpu[i] - cpu[i]) - (1e-4 + 1e-3 * Math.abs(cpu[i]));
            if (excess > worstExcess) {
                worstExcess = excess;
                worst = i;
            }
        }
        assertThat(worstExcess).as("worst excess over the tolerance, at point %d (%f %f %f): gpu %s, cpu %s", worst,
                xyz[3 * worst], xyz[3 * worst + 1], xyz[3 * worst + 2], gpu[worst], cpu[worst]).isLessThanOrEqualTo(0);
    }

    @Test
    void defaultShapeWithDenseAndHashedLevelsMatchesTheCpu() {
        HashGridConfig grid = new HashGridConfig(8, 2, 14, 16, 1.381913, Interpolation.LINEAR);
        NeuralField field = TestFields.random(grid, MlpConfig.DEFAULT, 7);
        CubicStencil st = ((HashGridEncoding) field.encoding()).grid();
        assertThat(st.hashed(0)).as("level 0 hashed").isFalse();
        assertThat(st.hashed(7)).as("level 7 hashed").isTrue();
        assertParity(field, 11, N);
    }

    @Test
    void smoothstepNarrowLinearNetworkMatchesTheCpu() {
        HashGridConfig grid = new HashGridConfig(6, 2, 12, 4, 2.0, Interpolation.SMOOTHSTEP);
        NeuralField field = TestFields.random(grid, new MlpConfig(16, 3, Activation.NONE, Activation.RELU), 3);
        assertParity(field, 12, N);
    }

    /** 128 wide is slow on lavapipe (the private arrays live in memory), so 4k points here. */
    @Test
    void wideNetworkMatchesTheCpu() {
        HashGridConfig grid = new HashGridConfig(4, 2, 14, 8, 1.5, Interpolation.LINEAR);
        assertParity(TestFields.random(grid, new MlpConfig(128, 2, Activation.RELU, Activation.NONE), 5), 13, 4096);
    }

    @Test
    void unsupportedActivationNamesTheKey() {
        HashGridConfig grid = new HashGridConfig(2, 2, 12, 4, 2.0, Interpolation.LINEAR);
        NeuralField field = TestFields.random(grid, new MlpConfig(16, 1, Activation.TANH, Activation.NONE), 3);
        assertThatThrownBy(() -> new FieldTracer(ctx, new FieldSurface(field, 1, Vec3d.ZERO)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("network.activation")
                .hasMessageContaining("Tanh").hasMessageContaining("None or ReLU");
    }
}
