package org.isofield.fields.mlp;

/**
 * The three matrix products of an MLP block, on activations stored feature-major per block: row {@code r} of a block
 * matrix holds feature {@code r} of the block's samples at {@code [r * B, r * B + m)}, with {@code B} the block stride
 * and {@code m <= B} the samples in the block. Weights are row-major {@code rows x cols} at {@code wOff}.
 * Implementations must give the same results up to float rounding; {@link ScalarMlpKernels} is the reference twin.
 */
interface MlpKernels {
    /** {@code Z[r][s] = sum_c W[r][c] X[c][s]} for {@code r < rows}, {@code s < m}. */
    void matmul(float[] w, int wOff, int rows, int cols, float[] x, int xOff, float[] z, int zOff, int b, int m);

    /**
     * {@code Out[c][s] = sum_r W[r][c] D[r][s]} for {@code c < outRows <= cols}, {@code r < rows}, {@code s < m}
     * (the transposed product; only the first {@code outRows} columns of W are used).
     */
    void matmulTransposed(float[] w, int wOff, int rows, int cols, int outRows, float[] d, int dOff, float[] out,
                          int outOff, int b, int m);

    /**
     * {@code G[r][c] += sum_s D[r][s] X[c][s]} for {@code r < rows}, {@code c < cols}, summing {@code s} in increasing
     * order (keep it: the device twins sum the same way, and the training parity tests compare 50 steps; a lane-wise
     * dot product over the samples drifted past their tolerance); {@code scratch} holds at least {@code b * cols}
     * floats. Implementations may skip terms with
     * {@code D[r][s] == 0} (the scalar twin does; ReLU zeroes about half of them).
     */
    void accumulateOuter(float[] g, int gOff, int rows, int cols, float[] d, int dOff, float[] x, int xOff,
                         float[] scratch, int b, int m);

    /**
     * ReLU's backward gate: {@code d[dOff + i] = z[zOff + i] > 0 ? d[dOff + i] : 0} for {@code i < m} (so NaN in
     * {@code z} gives 0), exactly, in both twins.
     */
    void reluGate(float[] z, int zOff, float[] d, int dOff, int m);

    /**
     * ReLU: {@code h[hOff + i] = Math.max(z[zOff + i], 0f)} for {@code i < m}, exactly (NaN stays NaN, -0 becomes
     * +0), in both twins.
     */
    void relu(float[] z, int zOff, float[] h, int hOff, int m);
}
