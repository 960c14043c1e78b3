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
import org.isofield.encodings.simplexgrid.SimplexGridConfig;
import org.isofield.encodings.simplexgrid.SimplexGridEncoding;
import org.isofield.fields.mlp.Network;
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
 * field on 64k seeded points: {@code |gpu - cpu| <= 1e-4 + 1e-3 |cpu|} everywhere. Small HashGrid and SimplexGrid
 * fields with dense and hashed levels. The shader's analytic gradient (the tracer's normals) against the CPU's
 * backward passes. Validation layer on; any warning or error fails.
 */
class FieldParityTest {
    static final int N = 1 << 16;
    private static VulkanContext ctx;

    @BeforeAll
    static void open() {
        ctx = VulkanTesting.openWithValidation();
    }

    @AfterAll
    static void close() {
        VulkanTesting.closeWithoutMessages(ctx);
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
    void simplexGridWithDenseAndHashedLevelsMatchesTheCpu() {
        SimplexGridConfig grid = new SimplexGridConfig(8, 2, 16, 16, 1.381913);
        NeuralField field = TestFields.random(grid, MlpConfig.DEFAULT, 17);
        SimplexGridEncoding enc = (SimplexGridEncoding) field.encoding();
        assertThat(enc.levelHashed(0)).as("level 0 hashed").isFalse();
        assertThat(enc.levelHashed(7)).as("level 7 hashed").isTrue();
        assertParity(field, 21, N);
    }

    @Test
    void simplexGridCoarseLinearNetworkMatchesTheCpu() {
        SimplexGridConfig grid = new SimplexGridConfig(5, 2, 12, 3, 2.0);
        assertParity(TestFields.random(grid, new MlpConfig(32, 3, Activation.NONE, Activation.RELU), 19), 22, N);
    }

    /** The CPU gradient: encode, forward with the activations kept, network then encoding input gradients. */
    private static float[] cpuGradient(NeuralField field, float[] xyz, int n) {
        float[] enc = new float[n * field.encoding().outputDims()];
        field.encoding().encode(xyz, n, enc);
        Network net = field.network();
        Network.Workspace ws = net.newWorkspace(n);
        net.forwardTrain(enc, n, ws, new float[n]);
        float[] dEnc = new float[enc.length];
        net.inputGradient(enc, n, ws, new float[] {1f}, dEnc);
        float[] grad = new float[3 * n];
        field.encoding().inputGradient(xyz, n, dEnc, grad);
        return grad;
    }

    /**
     * At 99.5% of the points {@code |gpu - cpu| <= 1e-3 |cpu| + 1e-4}; the rest may sit on a ReLU kink or a simplex
     * face, where fp32 rounding picks a side.
     */
    private static void assertGradientParity(NeuralField field, long seed, int n) {
        float[] xyz = points(seed, n);
        float[] cpu = cpuGradient(field, xyz, n);
        float[] gpu;
        try (FieldTracer tracer = new FieldTracer(ctx, new FieldSurface(field, 1, Vec3d.ZERO))) {
            gpu = tracer.gradient(xyz, n);
        }
        int bad = 0;
        String first = null;
        for (int i = 0; i < n; i++) {
            double dx = gpu[3 * i] - cpu[3 * i];
            double dy = gpu[3 * i + 1] - cpu[3 * i + 1];
            double dz = gpu[3 * i + 2] - cpu[3 * i + 2];
            double norm = Math.sqrt(cpu[3 * i] * cpu[3 * i] + cpu[3 * i + 1] * cpu[3 * i + 1]
                    + cpu[3 * i + 2] * cpu[3 * i + 2]);
            if (Math.sqrt(dx * dx + dy * dy + dz * dz) > 1e-3 * norm + 1e-4) {
                bad++;
                if (first == null) {
                    first = String.format("point %d: gpu (%g %g %g), cpu (%g %g %g)", i, gpu[3 * i], gpu[3 * i + 1],
                            gpu[3 * i + 2], cpu[3 * i], cpu[3 * i + 1], cpu[3 * i + 2]);
                }
            }
        }
        assertThat(bad).as("points outside the tolerance; first %s", first).isLessThanOrEqualTo(n / 200);
    }

    @Test
    void analyticGradientMatchesTheCpuOnAHashGrid() {
        HashGridConfig grid = new HashGridConfig(8, 2, 14, 16, 1.381913, Interpolation.LINEAR);
        assertGradientParity(TestFields.random(grid, MlpConfig.DEFAULT, 7), 31, 4096);
        HashGridConfig smooth = new HashGridConfig(6, 2, 12, 4, 2.0, Interpolation.SMOOTHSTEP);
        assertGradientParity(TestFields.random(smooth, new MlpConfig(16, 3, Activation.NONE, Activation.RELU), 3), 32,
                4096);
    }

    @Test
    void analyticGradientMatchesTheCpuOnASimplexGrid() {
        SimplexGridConfig grid = new SimplexGridConfig(8, 2, 14, 16, 1.381913);
        assertGradientParity(TestFields.random(grid, new MlpConfig(32, 3, Activation.RELU, Activation.NONE), 9), 33,
                4096);
    }

    /**
     * The default shape (16 levels, 2^19 rows: 12.2M parameters, a 48.8 MB grid buffer whose last levels start beyond
     * 2^23 floats) with random parameters: values and analytic gradients at 2k points, so that a table read out of
     * range (which robust access would return as 0) or an offset overflow would show. (On llvmpipe it passed before
     * the trace kernel's fix too: one evaluation per invocation stays within the loop budget.)
     */
    @Test
    void defaultSizeFieldMatchesTheCpu() {
        NeuralField field = TestFields.random(HashGridConfig.DEFAULT, MlpConfig.DEFAULT, 23);
        HashGridEncoding enc = (HashGridEncoding) field.encoding();
        assertThat(enc.levelOffset(15)).as("offset of the last level, floats").isGreaterThan(1 << 23);
        assertParity(field, 24, 2048);
        assertGradientParity(field, 25, 2048);
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
