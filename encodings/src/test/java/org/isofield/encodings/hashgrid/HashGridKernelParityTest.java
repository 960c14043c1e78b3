package org.isofield.encodings.hashgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.grid.StencilEncoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The unrolled 3D kernels against the generic stencil kernel: bitwise equal, dense and hashed levels alike. */
class HashGridKernelParityTest {
    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void unrolledKernelsEqualTheGenericOnesBitwise(Interpolation interpolation) {
        HashGridConfig c = new HashGridConfig(10, 2, 14, 8, 1.5, interpolation);
        HashGridEncoding fast = new HashGridEncoding(c, 3);
        StencilEncoding generic = new StencilEncoding(fast.grid(), 2) { };
        fast.initialize(5);
        System.arraycopy(fast.params(), 0, generic.params(), 0, fast.paramCount());
        int n = 5000;
        SplittableRandom r = new SplittableRandom(6);
        float[] in = new float[3 * n];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        in[0] = 1f;
        in[4] = 0f;
        float[] v = new float[n * fast.outputDims()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() - 0.5);
        }
        float[] a = new float[n * fast.outputDims()];
        float[] b = new float[n * fast.outputDims()];
        fast.encode(in, n, a);
        generic.encode(in, n, b);
        assertThat(a).isEqualTo(b);
        float[] ga = new float[fast.paramCount()];
        float[] gb = new float[fast.paramCount()];
        fast.backward(in, n, v, ga);
        generic.backward(in, n, v, gb);
        assertThat(ga).isEqualTo(gb);
        float[] da = new float[3 * n];
        float[] db = new float[3 * n];
        fast.inputGradient(in, n, v, da);
        generic.inputGradient(in, n, v, db);
        assertThat(da).isEqualTo(db);
        assertThat(da).as("gradient is not all zero").isNotEqualTo(new float[3 * n]);
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void vectorKernelEqualsTheScalarTwinBitwise(Interpolation interpolation) {
        HashGridConfig c = new HashGridConfig(12, 2, 12, 16, 1.5, interpolation);
        HashGridEncoding scalar = new HashGridEncoding(c, 3);
        HashGridEncoding vector = new HashGridEncoding(c, 3);
        assertThat(scalar.setVectorKernel(false)).isFalse();
        Assumptions.assumeTrue(vector.setVectorKernel(true),
                "jdk.incubator.vector is not loaded in this JVM");
        scalar.initialize(8);
        vector.initialize(8);
        int n = 1001; // not a multiple of the lane count: the tail takes the scalar path
        SplittableRandom r = new SplittableRandom(9);
        float[] in = new float[3 * n];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        in[0] = 1f;
        in[1] = 0f;
        in[5] = 1f;
        float[] a = new float[n * c.nLevels() * 2];
        float[] b = new float[a.length];
        scalar.encode(in, n, a);
        vector.encode(in, n, b);
        assertThat(b).isEqualTo(a);
        assertBackwardEqual(scalar, vector, in, n, 6);
    }

    @Test
    void vectorKernelIsTheDefaultAndHandsPointsOutsideTheCubeToTheScalarTwin() {
        HashGridConfig c = new HashGridConfig(12, 2, 12, 16, 1.5, Interpolation.LINEAR);
        HashGridEncoding scalar = new HashGridEncoding(c, 3);
        HashGridEncoding vector = new HashGridEncoding(c, 3);
        Assumptions.assumeTrue(vector.vectorKernel(), "jdk.incubator.vector is not loaded in this JVM");
        scalar.setVectorKernel(false);
        scalar.initialize(3);
        vector.initialize(3);
        int n = 997;
        SplittableRandom r = new SplittableRandom(4);
        float[] in = new float[3 * n];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (r.nextDouble() * 1.4 - 0.2); // some points outside [0, 1]: negative cells, wrapped rows
        }
        in[7] = Float.NaN;
        in[100] = -3e6f;
        in[200] = 1e7f;
        float[] a = new float[n * c.nLevels() * 2];
        float[] b = new float[a.length];
        scalar.encode(in, n, a);
        vector.encode(in, n, b);
        assertThat(b).isEqualTo(a);
        assertBackwardEqual(scalar, vector, in, n, 5);
    }

    /** The table gradients of both encodings for one random upstream gradient, bitwise. */
    private static void assertBackwardEqual(HashGridEncoding scalar, HashGridEncoding vector, float[] in, int n,
                                            long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] up = new float[n * scalar.outputDims()];
        for (int i = 0; i < up.length; i++) {
            up[i] = (float) r.nextGaussian();
        }
        float[] ga = new float[scalar.paramCount()];
        float[] gb = new float[vector.paramCount()];
        scalar.backward(in, n, up, ga);
        vector.backward(in, n, up, gb);
        assertThat(gb).isEqualTo(ga);
        assertThat(gb).as("gradient is not all zero").isNotEqualTo(new float[gb.length]);
    }
}
