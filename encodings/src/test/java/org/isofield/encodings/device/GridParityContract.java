package org.isofield.encodings.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.Encodings;
import org.isofield.encodings.densegrid.DenseGridConfig;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.grid.StencilEncoding;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.encodings.simplexgrid.SimplexGridConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded parity of the grid kernels with their CPU twins, run on each backend by a subclass: encode, input gradient
 * and JVP bitwise; the two table gradients (float atomics) within {@code 1e-5 (|cpu| + sum |contributions|)} per
 * entry, the contributions summed from the twin's own stencil.
 */
abstract class GridParityContract {
    abstract ComputeDevice device();

    static Stream<Arguments> grids() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("HashGrid 3D F2 (small table: collisions)", new HashGridConfig(8, 2, 12, 4, 1.6,
                Interpolation.LINEAR), 3));
        a.add(Arguments.of("HashGrid 3D F2 Smoothstep", new HashGridConfig(6, 2, 14, 8, 1.5,
                Interpolation.SMOOTHSTEP), 3));
        a.add(Arguments.of("HashGrid 2D F4", new HashGridConfig(5, 4, 10, 4, 2.0, Interpolation.LINEAR), 2));
        a.add(Arguments.of("HashGrid 1D F8", new HashGridConfig(4, 8, 6, 4, 2.0, Interpolation.LINEAR), 1));
        a.add(Arguments.of("HashGrid 4D F1", new HashGridConfig(4, 1, 12, 3, 1.5, Interpolation.SMOOTHSTEP), 4));
        a.add(Arguments.of("DenseGrid 3D F2", new DenseGridConfig(4, 2, 4, 1.5, Interpolation.LINEAR), 3));
        a.add(Arguments.of("SimplexGrid 3D F2", new SimplexGridConfig(8, 2, 12, 4, 1.6), 3));
        a.add(Arguments.of("SimplexGrid 2D F1", new SimplexGridConfig(5, 1, 10, 4, 1.8), 2));
        a.add(Arguments.of("SimplexGrid 4D F4", new SimplexGridConfig(3, 4, 10, 3, 1.5), 4));
        return a.stream();
    }

    /** Points in the cube, on its faces and a little outside it. */
    static float[] points(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[n * d];
        for (int i = 0; i < n * d; i++) {
            p[i] = (float) r.nextDouble();
        }
        for (int j = 0; j < d; j++) {
            p[j] = 0f;
            p[d + j] = 1f;
            p[2 * d + j] = -0.01f;
            p[3 * d + j] = 1.02f;
        }
        return p;
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) r.nextGaussian();
        }
        return g;
    }

    /** Point-major {@code n x cols} to feature-major. */
    static float[] toFeatureMajor(float[] a, int n, int cols) {
        float[] t = new float[a.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < cols; c++) {
                t[c * n + i] = a[i * cols + c];
            }
        }
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void kernelsMatchTheirCpuTwins(String label, EncodingConfig config, int dims) {
        StencilEncoding cpu = (StencilEncoding) Encodings.create(config, dims);
        cpu.initialize(7);
        // larger parameters than the 1e-4 init, so sums and products are not all tiny
        float[] params = cpu.params();
        for (int i = 0; i < params.length; i++) {
            params[i] *= 5000f;
        }
        int n = 3001;
        int od = cpu.outputDims();
        float[] in = points(n, dims, 11);
        float[] dLdOut = gaussian(n * od, 12);
        float[] dIn = gaussian(n * dims, 13);
        float[] u = gaussian(n * dims, 14);
        try (DeviceGridEncoding gpu = new DeviceGridEncoding(device(), cpu);
             DeviceArray dPos = device().upload(in, "pos");
             DeviceArray dOut = device().allocateFloats((long) n * od, "out");
             DeviceArray dG = device().upload(toFeatureMajor(dLdOut, n, od), "dLdOut");
             DeviceArray dDir = device().upload(dIn, "dIn");
             DeviceArray dU = device().upload(u, "u");
             DeviceArray dVec = device().allocateFloats((long) n * dims, "vec");
             DeviceArray grad = device().allocateFloats(cpu.paramCount(), "grad")) {
            float[] out = new float[n * od];
            cpu.encode(in, n, out);
            gpu.encode(dPos, n, dOut);
            assertThat(dOut.toFloatArray(n * od)).as("encode").containsExactly(toFeatureMajor(out, n, od));

            float[] g = new float[n * dims];
            cpu.inputGradient(in, n, dLdOut, g);
            gpu.inputGradient(dPos, n, dG, dVec);
            assertThat(dVec.toFloatArray(n * dims)).as("input gradient").containsExactly(g);

            float[] jvp = new float[n * od];
            cpu.jacobianVectorProduct(in, n, dIn, jvp);
            gpu.jacobianVectorProduct(dPos, n, dDir, dOut);
            assertThat(dOut.toFloatArray(n * od)).as("jvp").containsExactly(toFeatureMajor(jvp, n, od));

            float[] gradCpu = new float[cpu.paramCount()];
            cpu.backward(in, n, dLdOut, gradCpu);
            grad.zero();
            gpu.backward(dPos, n, dG, grad);
            assertWithin("backward", grad.toFloatArray(), gradCpu, contributions(cpu, in, n, dLdOut, null));

            float[] gradSecond = new float[cpu.paramCount()];
            cpu.backwardInputGradient(in, n, dLdOut, u, gradSecond);
            grad.zero();
            gpu.backwardInputGradient(dPos, n, dG, dU, grad);
            assertWithin("backward input gradient", grad.toFloatArray(), gradSecond,
                    contributions(cpu, in, n, dLdOut, u));
        }
    }

    /**
     * Per table entry, the sum of the absolute terms added into it: {@code |w_k g_f|} (first order) or
     * {@code |(dw_k . u) g_f|} (through the input gradient), from the twin's stencil.
     */
    static float[] contributions(StencilEncoding e, float[] in, int n, float[] dLdOut, float[] u) {
        int d = e.inputDims();
        int levels = e.stencil().levels();
        int f = e.outputDims() / levels;
        int nv = e.stencil().vertices();
        float[] c = new float[e.paramCount()];
        int[] row = new int[nv];
        float[] w = new float[nv];
        float[] dw = new float[nv * d];
        for (int l = 0; l < levels; l++) {
            for (int i = 0; i < n; i++) {
                e.stencil().fill(l, in, i * d, row, w, dw);
                for (int k = 0; k < nv; k++) {
                    double a = w[k];
                    if (u != null) {
                        a = 0;
                        for (int j = 0; j < d; j++) {
                            a += dw[k * d + j] * u[i * d + j];
                        }
                    }
                    for (int q = 0; q < f; q++) {
                        c[e.levelOffset(l) + row[k] * f + q] += (float) Math.abs(a * dLdOut[i * e.outputDims() + l * f
                                + q]);
                    }
                }
            }
        }
        return c;
    }

    /** {@code |got - want| <= 1e-5 (|want| + contributions)} for every entry. */
    static void assertWithin(String what, float[] got, float[] want, float[] contributions) {
        int bad = 0;
        String first = null;
        for (int i = 0; i < want.length; i++) {
            double tol = 1e-5 * (Math.abs(want[i]) + contributions[i]);
            if (!(Math.abs(got[i] - want[i]) <= tol)) {
                if (first == null) {
                    first = "entry " + i + ": device " + got[i] + ", cpu " + want[i] + ", tolerance " + tol;
                }
                bad++;
            }
        }
        assertThat(bad).as(what + ": entries outside tolerance (first: " + first + ")").isZero();
    }
}
