package org.isofield.fields.mlp;

import java.util.Arrays;

/**
 * Plain-loop {@link MlpKernels}: the clear reference twin. The innermost loops run over contiguous samples (or, for
 * the weight gradient, over a transposed copy of the input), so HotSpot's auto-vectorizer can use SIMD on them.
 */
final class ScalarMlpKernels implements MlpKernels {
    static final ScalarMlpKernels INSTANCE = new ScalarMlpKernels();

    private ScalarMlpKernels() {
    }

    @Override
    public void matmul(float[] w, int wOff, int rows, int cols, float[] x, int xOff, float[] z, int zOff, int b,
            int m) {
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * b;
            Arrays.fill(z, zr, zr + m, 0f);
            int wr = wOff + r * cols;
            for (int c = 0; c < cols; c++) {
                float wv = w[wr + c];
                int xr = xOff + c * b;
                for (int s = 0; s < m; s++) {
                    z[zr + s] += wv * x[xr + s];
                }
            }
        }
    }

    @Override
    public void matmulTransposed(float[] w, int wOff, int rows, int cols, int outRows, float[] d, int dOff,
                                 float[] out, int outOff, int b, int m) {
        for (int c = 0; c < outRows; c++) {
            int or = outOff + c * b;
            Arrays.fill(out, or, or + m, 0f);
            for (int r = 0; r < rows; r++) {
                float wv = w[wOff + r * cols + c];
                int dr = dOff + r * b;
                for (int s = 0; s < m; s++) {
                    out[or + s] += wv * d[dr + s];
                }
            }
        }
    }

    @Override
    public void accumulateOuter(float[] g, int gOff, int rows, int cols, float[] d, int dOff, float[] x, int xOff,
                                float[] scratch, int b, int m) {
        for (int c = 0; c < cols; c++) {
            int xr = xOff + c * b;
            for (int s = 0; s < m; s++) {
                scratch[s * cols + c] = x[xr + s];
            }
        }
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * cols;
            int dr = dOff + r * b;
            for (int s = 0; s < m; s++) {
                float dv = d[dr + s];
                if (dv == 0f) {
                    continue;
                }
                int xs = s * cols;
                for (int c = 0; c < cols; c++) {
                    g[gr + c] += dv * scratch[xs + c];
                }
            }
        }
    }

    @Override
    public void reluGate(float[] z, int zOff, float[] d, int dOff, int m) {
        for (int i = 0; i < m; i++) {
            d[dOff + i] = z[zOff + i] > 0f ? d[dOff + i] : 0f;
        }
    }

    @Override
    public void relu(float[] z, int zOff, float[] h, int hOff, int m) {
        for (int i = 0; i < m; i++) {
            h[hOff + i] = Math.max(z[zOff + i], 0f);
        }
    }
}
