package org.isofield.fields.mlp.cam;

import java.util.Objects;
import org.isofield.encodings.Encoding;

/**
 * An encoding followed by the raw position: {@code out = [inner(p), p]}, {@code inner.outputDims() + inputDims()}
 * features per point, so that a coordinate-aware network ({@link CamNetwork}) receives the features and the position
 * in one row. The appended part is the identity: it has no parameters, its Jacobian is the identity matrix, and its
 * second derivatives are zero. Parameters, initialisation and the field file's {@code "encoding"} block are the inner
 * encoding's own (the same live array).
 */
public final class CoordinateEncoding implements Encoding {
    private final Encoding inner;
    private final int featureDims;
    private float[] compact = new float[0];

    public CoordinateEncoding(Encoding inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.featureDims = inner.outputDims();
    }

    /** The wrapped encoding. */
    public Encoding inner() {
        return inner;
    }

    @Override
    public int inputDims() {
        return inner.inputDims();
    }

    @Override
    public int outputDims() {
        return featureDims + inner.inputDims();
    }

    @Override
    public int paramCount() {
        return inner.paramCount();
    }

    @Override
    public float[] params() {
        return inner.params();
    }

    @Override
    public void initialize(long seed) {
        inner.initialize(seed);
    }

    @Override
    public void encode(float[] in, int n, float[] out) {
        inner.encode(in, n, out);
        appendRows(out, n, in);
    }

    @Override
    public void backward(float[] in, int n, float[] dLdOut, float[] gradParams) {
        inner.backward(in, n, features(dLdOut, n), gradParams);
    }

    @Override
    public void inputGradient(float[] in, int n, float[] dLdOut, float[] dLdIn) {
        inner.inputGradient(in, n, features(dLdOut, n), dLdIn);
        int d = inputDims();
        int stride = outputDims();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                dLdIn[i * d + k] += dLdOut[i * stride + featureDims + k];
            }
        }
    }

    @Override
    public void jacobianVectorProduct(float[] in, int n, float[] dIn, float[] dOut) {
        inner.jacobianVectorProduct(in, n, dIn, dOut);
        appendRows(dOut, n, dIn);
    }

    @Override
    public void backwardInputGradient(float[] in, int n, float[] dLdOut, float[] dLdInputGradient,
                                      float[] gradParams) {
        inner.backwardInputGradient(in, n, features(dLdOut, n), dLdInputGradient, gradParams);
    }

    /**
     * Spreads {@code n} rows of {@code featureDims} at the start of {@code rows} to rows of {@link #outputDims()} and
     * fills each row's tail from {@code tail} ({@code n x inputDims}). Runs backwards so no row is overwritten before
     * it moved ({@code System.arraycopy} copies overlapping ranges correctly).
     */
    private void appendRows(float[] rows, int n, float[] tail) {
        int d = inputDims();
        int stride = outputDims();
        for (int i = n - 1; i >= 0; i--) {
            System.arraycopy(rows, i * featureDims, rows, i * stride, featureDims);
            System.arraycopy(tail, i * d, rows, i * stride + featureDims, d);
        }
    }

    /** The feature part of {@code n} rows of {@link #outputDims()}, packed into a reused buffer. */
    private float[] features(float[] rows, int n) {
        if (compact.length < n * featureDims) {
            compact = new float[n * featureDims];
        }
        int stride = outputDims();
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * stride, compact, i * featureDims, featureDims);
        }
        return compact;
    }
}
