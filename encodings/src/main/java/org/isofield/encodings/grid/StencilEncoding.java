package org.isofield.encodings.grid;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.core.Parallel;
import org.isofield.encodings.Encoding;

/**
 * A multi-level grid encoding over a {@link Stencil}: level {@code l} owns a table of {@code rows(l) x F} floats, the
 * tables are concatenated in level order in {@link #params()}, and the output of a point is the concatenation over
 * levels of {@code sum_k weight_k * table_l[row_k]} ({@code outputDims = levels x F}, level-major).
 *
 * <p>This is the scalar reference kernel (the CPU twin): point-parallel over fixed chunks for the forward pass and the
 * input derivatives, level-parallel (one task owns whole levels) for the parameter gradients, so every result is
 * bitwise the same for any thread count.
 */
public abstract class StencilEncoding implements Encoding {
    /** Points per chunk of the point-parallel loops. */
    protected static final int GRAIN = 2048;
    /** Half-width of the uniform initialization of the tables. */
    public static final float INIT_SCALE = 1e-4f;

    protected final Stencil stencil;
    protected final int features;
    protected final int[] offsets;
    protected final float[] params;

    /**
     * @param stencil  the vertex stencil per point and level
     * @param features features per level (F)
     */
    protected StencilEncoding(Stencil stencil, int features) {
        this.stencil = stencil;
        this.features = features;
        int levels = stencil.levels();
        this.offsets = new int[levels + 1];
        long total = 0;
        for (int l = 0; l < levels; l++) {
            offsets[l] = (int) total;
            total += (long) stencil.rows(l) * features;
            if (total > Integer.MAX_VALUE - 16) {
                throw new ConfigException("", "the grid needs " + total + "+ parameters for " + stencil.dims()
                        + " input dimensions; at most " + (Integer.MAX_VALUE - 16) + " fit in one array");
            }
        }
        offsets[levels] = (int) total;
        this.params = new float[(int) total];
    }

    @Override
    public int inputDims() {
        return stencil.dims();
    }

    @Override
    public int outputDims() {
        return stencil.levels() * features;
    }

    @Override
    public int paramCount() {
        return params.length;
    }

    @Override
    public float[] params() {
        return params;
    }

    /** Float offset in {@link #params()} of the table of {@code level}; {@code level == levels} gives the total. */
    public int levelOffset(int level) {
        return offsets[level];
    }

    /** The stencil (level geometry). */
    public Stencil stencil() {
        return stencil;
    }

    @Override
    public void initialize(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) ((random.nextDouble() * 2 - 1) * INIT_SCALE);
        }
    }

    /** Checks the lengths of a batch of {@code n} rows of {@code width} values. */
    protected static void checkBatch(String name, float[] a, int n, int width) {
        if (a.length < (long) n * width) {
            throw new IllegalArgumentException(name + " has length " + a.length + "; expected at least " + n + " x "
                    + width);
        }
    }

    private void checkParams(float[] gradParams) {
        if (gradParams.length < params.length) {
            throw new IllegalArgumentException("gradParams has length " + gradParams.length + "; expected "
                    + params.length);
        }
    }

    private float[] scratch;

    /** A reusable buffer of at least {@code size} floats (calls on one encoding must not overlap). */
    private float[] scratch(int size) {
        float[] s = scratch;
        if (s == null || s.length < size) {
            s = new float[size];
            scratch = s;
        }
        return s;
    }

    @Override
    public void encode(float[] in, int n, float[] out) {
        Check.nonNegative("n", n);
        checkBatch("in", in, n, inputDims());
        checkBatch("out", out, n, outputDims());
        // Level-major: one task sweeps all points through one level's table, which then stays in cache, and writes
        // a contiguous level-major buffer; strided writes straight into the point-major output were several times
        // slower. A point-parallel pass then transposes the buffer into the output.
        int nf = n * features;
        float[] buffer = scratch(n * outputDims());
        Parallel.forEach(stencil.levels(), l -> encodeLevel(l, in, buffer, l * nf, features, 0, n));
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> transpose(buffer, n, out, start, end, true));
    }

    /**
     * Copies rows {@code [start, end)} between the level-major buffer and a point-major batch. Two features per level
     * (the common case) move as pairs, with the direction chosen outside the loops: the generic triple loop with the
     * direction tested per value took 7% of a training step's CPU time (JFR, 2026-12-08).
     */
    private void transpose(float[] levelMajor, int n, float[] pointMajor, int start, int end, boolean toPointMajor) {
        int od = outputDims();
        int nf = n * features;
        int levels = stencil.levels();
        if (features == 2) {
            for (int i = start; i < end; i++) {
                int b = i * od;
                int a = 2 * i;
                if (toPointMajor) {
                    for (int l = 0; l < levels; l++, a += nf, b += 2) {
                        pointMajor[b] = levelMajor[a];
                        pointMajor[b + 1] = levelMajor[a + 1];
                    }
                } else {
                    for (int l = 0; l < levels; l++, a += nf, b += 2) {
                        levelMajor[a] = pointMajor[b];
                        levelMajor[a + 1] = pointMajor[b + 1];
                    }
                }
            }
            return;
        }
        for (int i = start; i < end; i++) {
            for (int l = 0; l < levels; l++) {
                int a = l * nf + i * features;
                int b = i * od + l * features;
                if (toPointMajor) {
                    System.arraycopy(levelMajor, a, pointMajor, b, features);
                } else {
                    System.arraycopy(pointMajor, b, levelMajor, a, features);
                }
            }
        }
    }

    /**
     * Encodes points {@code [start, end)} on one level into {@code out[off + i * stride + f]}; the scalar kernel.
     * Subclasses may override it with a kernel that gives the same results.
     */
    protected void encodeLevel(int l, float[] in, float[] out, int off, int stride, int start, int end) {
        int d = inputDims();
        int nv = stencil.vertices();
        int[] row = new int[nv];
        float[] w = new float[nv];
        int base = offsets[l];
        for (int i = start; i < end; i++) {
            stencil.fill(l, in, i * d, row, w, null);
            int o = off + i * stride;
            for (int f = 0; f < features; f++) {
                float acc = 0;
                for (int k = 0; k < nv; k++) {
                    acc += w[k] * params[base + row[k] * features + f];
                }
                out[o + f] = acc;
            }
        }
    }

    @Override
    public void backward(float[] in, int n, float[] dLdOut, float[] gradParams) {
        Check.nonNegative("n", n);
        checkBatch("in", in, n, inputDims());
        checkBatch("dLdOut", dLdOut, n, outputDims());
        checkParams(gradParams);
        int nf = n * features;
        float[] buffer = scratch(n * outputDims());
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> transpose(buffer, n, dLdOut, start, end, false));
        Parallel.forEach(stencil.levels(), l -> backwardLevel(l, in, buffer, l * nf, features, gradParams, 0, n));
    }

    /**
     * Adds the parameter gradient of points {@code [start, end)} on level {@code l}, reading the upstream gradient at
     * {@code dLdOut[off + i * stride + f]}; one task owns the level. Subclasses may override it with an equal kernel.
     */
    protected void backwardLevel(int l, float[] in, float[] dLdOut, int off, int stride, float[] gradParams,
                                 int start, int end) {
        int d = inputDims();
        int nv = stencil.vertices();
        int[] row = new int[nv];
        float[] w = new float[nv];
        int base = offsets[l];
        for (int i = start; i < end; i++) {
            stencil.fill(l, in, i * d, row, w, null);
            int o = off + i * stride;
            for (int k = 0; k < nv; k++) {
                int p = base + row[k] * features;
                for (int f = 0; f < features; f++) {
                    gradParams[p + f] += w[k] * dLdOut[o + f];
                }
            }
        }
    }

    /**
     * Points per task of the point-parallel input-gradient passes: about one task per thread (results do not depend
     * on it, since each point sums its levels and corners in a fixed order), so that each task walks one level's table
     * for many points before moving on; visiting all levels point by point missed the caches on every table.
     */
    private static int levelMajorGrain(int n) {
        int perThread = (n + Parallel.threads() - 1) / Math.max(1, Parallel.threads());
        return Math.max(GRAIN, (perThread + 1023) / 1024 * 1024);
    }

    @Override
    public void inputGradient(float[] in, int n, float[] dLdOut, float[] dLdIn) {
        Check.nonNegative("n", n);
        checkBatch("in", in, n, inputDims());
        checkBatch("dLdOut", dLdOut, n, outputDims());
        checkBatch("dLdIn", dLdIn, n, inputDims());
        int d = inputDims();
        Parallel.forChunks(n, levelMajorGrain(n), (chunk, start, end) -> {
            Arrays.fill(dLdIn, start * d, end * d, 0f);
            for (int l = 0; l < stencil.levels(); l++) {
                inputGradientLevel(l, in, dLdOut, dLdIn, start, end);
            }
        });
    }

    /**
     * Adds level {@code l}'s part of the input gradient of points {@code [start, end)} to {@code dLdIn}: for each
     * corner k in order, {@code dot = sum_f dLdOut * param}, then {@code dLdIn[j] += dot * dWeight_k/dx_j}. The scalar
     * kernel; subclasses may override it with a kernel that gives bitwise the same results.
     */
    protected void inputGradientLevel(int l, float[] in, float[] dLdOut, float[] dLdIn, int start, int end) {
        int d = inputDims();
        int od = outputDims();
        int nv = stencil.vertices();
        int[] row = new int[nv];
        float[] w = new float[nv];
        float[] dw = new float[nv * d];
        int base = offsets[l];
        for (int i = start; i < end; i++) {
            stencil.fill(l, in, i * d, row, w, dw);
            int o = i * od + l * features;
            for (int k = 0; k < nv; k++) {
                float dot = 0;
                int p = base + row[k] * features;
                for (int f = 0; f < features; f++) {
                    dot += dLdOut[o + f] * params[p + f];
                }
                for (int j = 0; j < d; j++) {
                    dLdIn[i * d + j] += dot * dw[k * d + j];
                }
            }
        }
    }

    @Override
    public void jacobianVectorProduct(float[] in, int n, float[] dIn, float[] dOut) {
        Check.nonNegative("n", n);
        checkBatch("in", in, n, inputDims());
        checkBatch("dIn", dIn, n, inputDims());
        checkBatch("dOut", dOut, n, outputDims());
        int d = inputDims();
        int od = outputDims();
        int nv = stencil.vertices();
        Parallel.forChunks(n, levelMajorGrain(n), (chunk, start, end) -> {
            int[] row = new int[nv];
            float[] w = new float[nv];
            float[] dw = new float[nv * d];
            for (int l = 0; l < stencil.levels(); l++) {
                int base = offsets[l];
                for (int i = start; i < end; i++) {
                    stencil.fill(l, in, i * d, row, w, dw);
                    int o = i * od + l * features;
                    for (int f = 0; f < features; f++) {
                        dOut[o + f] = 0;
                    }
                    for (int k = 0; k < nv; k++) {
                        float a = 0;
                        for (int j = 0; j < d; j++) {
                            a += dw[k * d + j] * dIn[i * d + j];
                        }
                        int p = base + row[k] * features;
                        for (int f = 0; f < features; f++) {
                            dOut[o + f] += a * params[p + f];
                        }
                    }
                }
            }
        });
    }

    @Override
    public void backwardInputGradient(float[] in, int n, float[] dLdOut, float[] dLdInputGradient,
                                      float[] gradParams) {
        Check.nonNegative("n", n);
        checkBatch("in", in, n, inputDims());
        checkBatch("dLdOut", dLdOut, n, outputDims());
        checkBatch("dLdInputGradient", dLdInputGradient, n, inputDims());
        checkParams(gradParams);
        int d = inputDims();
        int od = outputDims();
        int nv = stencil.vertices();
        Parallel.forEach(stencil.levels(), l -> {
            int[] row = new int[nv];
            float[] w = new float[nv];
            float[] dw = new float[nv * d];
            int base = offsets[l];
            for (int i = 0; i < n; i++) {
                stencil.fill(l, in, i * d, row, w, dw);
                int o = i * od + l * features;
                for (int k = 0; k < nv; k++) {
                    float a = 0;
                    for (int j = 0; j < d; j++) {
                        a += dw[k * d + j] * dLdInputGradient[i * d + j];
                    }
                    int p = base + row[k] * features;
                    for (int f = 0; f < features; f++) {
                        gradParams[p + f] += a * dLdOut[o + f];
                    }
                }
            }
        });
    }
}
