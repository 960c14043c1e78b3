package org.isofield.encodings.frequency;

import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.encodings.Encoding;

/**
 * The frequency encoding in tiny-cuda-nn's output order: {@code outputDims = 2 N d}, and output
 * {@code j = 2 N dim + 2 k + s} (input coordinate {@code dim}, frequency {@code k < N}, {@code s} 0 for sine and 1 for
 * cosine) is {@code sin(2^k pi x_dim + s pi / 2)}, that is {@code sin(2^k pi x_dim)} then {@code cos(2^k pi x_dim)}.
 * No parameters. Computed in double and rounded to float, so values may differ from tiny-cuda-nn's fast
 * {@code __sinf} in the last bits.
 */
public final class FrequencyEncoding implements Encoding {
    private static final int GRAIN = 4096;
    private static final float[] NO_PARAMS = new float[0];

    private final FrequencyConfig config;
    private final int dims;
    private final int frequencies;

    public FrequencyEncoding(FrequencyConfig config, int inputDims) {
        this.config = config;
        this.dims = Check.positive("inputDims", inputDims);
        this.frequencies = config.nFrequencies();
    }

    public FrequencyConfig config() {
        return config;
    }

    @Override
    public int inputDims() {
        return dims;
    }

    @Override
    public int outputDims() {
        return 2 * frequencies * dims;
    }

    @Override
    public int paramCount() {
        return 0;
    }

    @Override
    public float[] params() {
        return NO_PARAMS;
    }

    @Override
    public void initialize(long seed) {
        // no parameters
    }

    private void check(int n, float[] a, String name, int width) {
        Check.nonNegative("n", n);
        if (a.length < (long) n * width) {
            throw new IllegalArgumentException(name + " has length " + a.length + "; expected at least " + n + " x "
                    + width);
        }
    }

    @Override
    public void encode(float[] in, int n, float[] out) {
        check(n, in, "in", dims);
        check(n, out, "out", outputDims());
        int od = outputDims();
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                for (int d = 0; d < dims; d++) {
                    double x = in[i * dims + d];
                    int o = i * od + d * 2 * frequencies;
                    for (int k = 0; k < frequencies; k++) {
                        double a = Math.scalb(x, k) * Math.PI;
                        out[o + 2 * k] = (float) Math.sin(a);
                        out[o + 2 * k + 1] = (float) Math.cos(a);
                    }
                }
            }
        });
    }

    @Override
    public void backward(float[] in, int n, float[] dLdOut, float[] gradParams) {
        // no parameters: nothing to accumulate
    }

    @Override
    public void inputGradient(float[] in, int n, float[] dLdOut, float[] dLdIn) {
        check(n, in, "in", dims);
        check(n, dLdOut, "dLdOut", outputDims());
        check(n, dLdIn, "dLdIn", dims);
        int od = outputDims();
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                for (int d = 0; d < dims; d++) {
                    double x = in[i * dims + d];
                    int o = i * od + d * 2 * frequencies;
                    double g = 0;
                    for (int k = 0; k < frequencies; k++) {
                        double c = Math.scalb(Math.PI, k);
                        double a = x * c;
                        g += c * (dLdOut[o + 2 * k] * Math.cos(a) - dLdOut[o + 2 * k + 1] * Math.sin(a));
                    }
                    dLdIn[i * dims + d] = (float) g;
                }
            }
        });
    }

    @Override
    public void jacobianVectorProduct(float[] in, int n, float[] dIn, float[] dOut) {
        check(n, in, "in", dims);
        check(n, dIn, "dIn", dims);
        check(n, dOut, "dOut", outputDims());
        int od = outputDims();
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                for (int d = 0; d < dims; d++) {
                    double x = in[i * dims + d];
                    double v = dIn[i * dims + d];
                    int o = i * od + d * 2 * frequencies;
                    for (int k = 0; k < frequencies; k++) {
                        double c = Math.scalb(Math.PI, k);
                        double a = x * c;
                        dOut[o + 2 * k] = (float) (c * Math.cos(a) * v);
                        dOut[o + 2 * k + 1] = (float) (-c * Math.sin(a) * v);
                    }
                }
            }
        });
    }

    @Override
    public void backwardInputGradient(float[] in, int n, float[] dLdOut, float[] dLdInputGradient,
                                      float[] gradParams) {
        // no parameters: nothing to accumulate
    }
}
