package org.isofield.fields.mlp;

/**
 * Public access to the block matrix kernels of {@link MlpNetwork} (the Vector API twin or the scalar reference, as
 * {@link MlpNetwork} picks them), for networks built from the same blocks in other packages, such as the
 * coordinate-aware MLP. Blocks are feature-major: row {@code r} of a block holds feature {@code r} of up to
 * {@link MlpNetwork#BLOCK} samples at {@code [r * b, r * b + m)}; weights are row-major {@code rows x cols} at
 * {@code wOff}. Instances are immutable and thread-safe.
 */
public final class MatrixKernels {
    private static final MatrixKernels SCALAR = new MatrixKernels(ScalarMlpKernels.INSTANCE);

    private final MlpKernels kernels;

    private MatrixKernels(MlpKernels kernels) {
        this.kernels = kernels;
    }

    /** The kernels {@link MlpNetwork} uses by default in this runtime. */
    public static MatrixKernels best() {
        MlpKernels k = MlpKernelSelector.best();
        return k == ScalarMlpKernels.INSTANCE ? SCALAR : new MatrixKernels(k);
    }

    /** The scalar reference kernels. */
    public static MatrixKernels scalar() {
        return SCALAR;
    }

    /** "scalar" or "vector". */
    public String name() {
        return kernels instanceof ScalarMlpKernels ? "scalar" : "vector";
    }

    /** {@code Z[r][s] = sum_c W[r][c] X[c][s]} for {@code r < rows}, {@code s < m}. */
    public void matmul(float[] w, int wOff, int rows, int cols, float[] x, int xOff, float[] z, int zOff, int b,
                       int m) {
        kernels.matmul(w, wOff, rows, cols, x, xOff, z, zOff, b, m);
    }

    /** {@code Out[c][s] = sum_r W[r][c] D[r][s]} for {@code c < outRows <= cols}, {@code r < rows}, {@code s < m}. */
    public void matmulTransposed(float[] w, int wOff, int rows, int cols, int outRows, float[] d, int dOff,
                                 float[] out, int outOff, int b, int m) {
        kernels.matmulTransposed(w, wOff, rows, cols, outRows, d, dOff, out, outOff, b, m);
    }

    /**
     * {@code G[r][c] += sum_s D[r][s] X[c][s]} for {@code r < rows}, {@code c < cols}; {@code scratch} holds at least
     * {@code b * cols} floats.
     */
    public void accumulateOuter(float[] g, int gOff, int rows, int cols, float[] d, int dOff, float[] x, int xOff,
                                float[] scratch, int b, int m) {
        kernels.accumulateOuter(g, gOff, rows, cols, d, dOff, x, xOff, scratch, b, m);
    }
}
