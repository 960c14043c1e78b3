package org.isofield.fields.mlp;

import java.util.Arrays;

/**
 * Element-wise helpers on feature-major blocks of {@link MlpNetwork#BLOCK} samples: activations, their derivatives,
 * and moving samples between row-major batches ({@code n x dims}) and blocks.
 */
final class BlockOps {
    static final int B = MlpNetwork.BLOCK;

    private BlockOps() {
    }

    /** {@code h[r][s] = act(z[r][s])}; ReLU goes through {@link MlpKernels#relu}. */
    static void activate(MlpKernels kernels, Activation act, float[] z, int zOff, float[] h, int rows, int m) {
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            int hr = r * B;
            switch (act) {
                case NONE:
                    System.arraycopy(z, zr, h, hr, m);
                    break;
                case RELU:
                    kernels.relu(z, zr, h, hr, m);
                    break;
                default:
                    for (int s = 0; s < m; s++) {
                        h[hr + s] = act.apply(z[zr + s]);
                    }
            }
        }
    }

    /** {@code d[r][s] *= act'(z[r][s])}; ReLU goes through {@link MlpKernels#reluGate}. */
    static void multiplyDerivative(MlpKernels kernels, Activation act, float[] z, int zOff, float[] d, int rows,
                                   int m) {
        if (act == Activation.NONE) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            int dr = r * B;
            if (act == Activation.RELU) {
                kernels.reluGate(z, zr, d, dr, m);
            } else {
                for (int s = 0; s < m; s++) {
                    d[dr + s] *= act.derivative(z[zr + s]);
                }
            }
        }
    }

    /** {@code hDot[r][s] = act'(z[r][s]) * zDot[r][s]}. */
    static void tangent(Activation act, float[] z, int zOff, float[] zDot, float[] hDot, int rows, int m) {
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            int hr = r * B;
            for (int s = 0; s < m; s++) {
                hDot[hr + s] = act.derivative(z[zr + s]) * zDot[hr + s];
            }
        }
    }

    /**
     * Reverse step of the dual (value, tangent) activation: in place, {@code hBar -> zBar = hBar act'(z) + hDotBar
     * act''(z) zDot} and {@code hDotBar -> zDotBar = hDotBar act'(z)}.
     */
    static void dualReverse(Activation act, float[] z, int zOff, float[] zDot, float[] bar, float[] dotBar,
                            int rows, int m) {
        boolean linear = act.piecewiseLinear();
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            int i0 = r * B;
            for (int s = 0; s < m; s++) {
                float zv = z[zr + s];
                float d1 = act.derivative(zv);
                float db = dotBar[i0 + s];
                float zb = bar[i0 + s] * d1;
                if (!linear) {
                    zb += db * act.secondDerivative(zv) * zDot[i0 + s];
                }
                bar[i0 + s] = zb;
                dotBar[i0 + s] = db * d1;
            }
        }
    }

    /** Loads samples {@code [start, start + m)} of a row-major batch into block rows; rows past {@code dims} get {@code
     * pad}. */
    static void load(float[] src, int dims, int start, int m, float[] dst, int paddedRows, float pad) {
        for (int s = 0; s < m; s++) {
            int si = (start + s) * dims;
            for (int c = 0; c < dims; c++) {
                dst[c * B + s] = src[si + c];
            }
        }
        for (int c = dims; c < paddedRows; c++) {
            Arrays.fill(dst, c * B, c * B + m, pad);
        }
    }

    /** Stores the first {@code dims} block rows into samples {@code [start, start + m)} of a row-major batch. */
    static void store(float[] src, int dims, int start, int m, float[] dst) {
        for (int s = 0; s < m; s++) {
            int di = (start + s) * dims;
            for (int c = 0; c < dims; c++) {
                dst[di + c] = src[c * B + s];
            }
        }
    }
}
