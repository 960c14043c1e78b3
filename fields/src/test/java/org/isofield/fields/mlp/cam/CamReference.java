package org.isofield.fields.mlp.cam;

import org.isofield.fields.mlp.Activation;

/**
 * Float64 reference of a {@link CamNetwork}, written from the documented formulas and layout (MLP matrices in
 * tiny-cuda-nn's order, then the tri-plane grid, vertex-major with channels innermost): forward for one sample.
 */
final class CamReference {
    private final CamMlpConfig c;
    private final int features;
    private final int inPad;
    private final int out;
    private final int width;
    private final int layers;
    private final int res;
    private final int channels;
    private final int gridOffset;

    CamReference(CamMlpConfig c, int inputDims, int out) {
        this.c = c;
        this.features = inputDims - 3;
        this.inPad = (features + 15) / 16 * 16;
        this.out = out;
        this.width = c.nNeurons();
        this.layers = c.nHiddenLayers();
        this.res = c.gridResolution();
        this.channels = c.channelsPerLayer() * layers;
        this.gridOffset = width * inPad + (layers - 1) * width * width + (out + 15) / 16 * 16 * width;
    }

    static double act(Activation a, double z) {
        switch (a) {
            case NONE: return z;
            case RELU: return z > 0 ? z : 0;
            case LEAKY_RELU: return z > 0 ? z : 0.01 * z;
            case SIGMOID: return 1 / (1 + Math.exp(-z));
            case SOFTPLUS: return Math.log1p(Math.exp(10 * z)) / 10;
            case TANH: return Math.tanh(z);
            case SINE: return Math.sin(z);
            default: throw new AssertionError();
        }
    }

    /** Channel {@code ch} of the grid at position {@code pos} (3 values): the product of the three plane samples. */
    double factor(double[] p, double[] pos, int ch) {
        int[][] axes = {{0, 1}, {0, 2}, {1, 2}};
        double v = 1;
        for (int q = 0; q < 3; q++) {
            int[] idx = new int[2];
            double[] f = new double[2];
            for (int k = 0; k < 2; k++) {
                double a = Math.min(1, Math.max(0, pos[axes[q][k]])) * (res - 1);
                idx[k] = Math.min((int) Math.floor(a), res - 2);
                f[k] = a - idx[k];
            }
            double s = 0;
            for (int dj = 0; dj < 2; dj++) {
                for (int di = 0; di < 2; di++) {
                    double w = (di == 1 ? f[0] : 1 - f[0]) * (dj == 1 ? f[1] : 1 - f[1]);
                    int vertex = (q * res + idx[1] + dj) * res + idx[0] + di;
                    s += w * p[gridOffset + vertex * channels + ch];
                }
            }
            v *= s;
        }
        return v;
    }

    double[] forward(double[] p, double[] x) {
        double[] pos = {x[features], x[features + 1], x[features + 2]};
        double[] h = new double[inPad];
        for (int i = 0; i < inPad; i++) {
            h[i] = i < features ? x[i] : 1;
        }
        int off = 0;
        int cpl = c.channelsPerLayer();
        for (int l = 0; l < layers; l++) {
            int cols = h.length;
            double[] z = new double[width];
            for (int r = 0; r < width; r++) {
                for (int k = 0; k < cols; k++) {
                    z[r] += p[off + r * cols + k] * h[k];
                }
            }
            off += width * cols;
            if (c.instanceNormalization()) {
                double mean = 0;
                for (double v : z) {
                    mean += v / width;
                }
                double var = 0;
                for (double v : z) {
                    var += (v - mean) * (v - mean) / width;
                }
                for (int r = 0; r < width; r++) {
                    z[r] = (z[r] - mean) / Math.sqrt(var + c.normalizationEpsilon());
                }
            }
            h = new double[width];
            for (int r = 0; r < width; r++) {
                int n = c.perNeuron() ? r : 0;
                double gamma = factor(p, pos, l * cpl + n);
                double beta = factor(p, pos, l * cpl + cpl / 2 + n);
                h[r] = act(c.activation(), gamma * z[r] + beta);
            }
        }
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = 0;
            for (int k = 0; k < width; k++) {
                s += p[off + o * width + k] * h[k];
            }
            y[o] = act(c.outputActivation(), s);
        }
        return y;
    }
}
