package org.isofield.fields.mlp;

/**
 * Float64 reference of the documented FullyFusedMLP layout, written independently of {@link MlpNetwork}: forward
 * for one sample, and the input gradient of {@code sum_o c_o y_o} by plain backpropagation.
 */
final class MlpReference {
    final int in;
    final int out;
    final int inPad;
    final int outPad;
    final int width;
    final int layers;
    final Activation act;
    final Activation outAct;

    MlpReference(MlpConfig c, int in, int out) {
        this.in = in;
        this.out = out;
        this.inPad = (in + 15) / 16 * 16;
        this.outPad = (out + 15) / 16 * 16;
        this.width = c.nNeurons();
        this.layers = c.nHiddenLayers();
        this.act = c.activation();
        this.outAct = c.outputActivation();
    }

    static double f(Activation a, double z) {
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

    static double df(Activation a, double z) {
        switch (a) {
            case NONE: return 1;
            case RELU: return z > 0 ? 1 : 0;
            case LEAKY_RELU: return z > 0 ? 1 : 0.01;
            case SIGMOID: { double s = 1 / (1 + Math.exp(-z)); return s * (1 - s); }
            case SOFTPLUS: return 1 / (1 + Math.exp(-10 * z));
            case TANH: { double t = Math.tanh(z); return 1 - t * t; }
            case SINE: return Math.cos(z);
            default: throw new AssertionError();
        }
    }

    /** Pre-activations of every layer: zs[l] for hidden l = 1..L, zs[L + 1] output (outPad entries). */
    double[][] pre(double[] p, double[] x) {
        double[][] zs = new double[layers + 2][];
        double[] h = new double[inPad];
        for (int i = 0; i < inPad; i++) {
            h[i] = i < in ? x[i] : 1.0;
        }
        int off = 0;
        for (int k = 0; k <= layers; k++) {
            int rows = k == layers ? outPad : width;
            int cols = k == 0 ? inPad : width;
            double[] z = new double[rows];
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int c = 0; c < cols; c++) {
                    s += p[off + r * cols + c] * h[c];
                }
                z[r] = s;
            }
            off += rows * cols;
            zs[k + 1] = z;
            if (k < layers) {
                h = new double[rows];
                for (int r = 0; r < rows; r++) {
                    h[r] = f(act, z[r]);
                }
            }
        }
        return zs;
    }

    double[] forward(double[] p, double[] x) {
        double[] zo = pre(p, x)[layers + 1];
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            y[o] = f(outAct, zo[o]);
        }
        return y;
    }

    /** d(sum_o c_o y_o)/dx, length {@code in}. */
    double[] inputGradient(double[] p, double[] x, double[] c) {
        double[][] zs = pre(p, x);
        double[] d = new double[outPad];
        for (int o = 0; o < out; o++) {
            d[o] = c[o] * df(outAct, zs[layers + 1][o]);
        }
        int[] offs = new int[layers + 2];
        for (int k = 0; k <= layers; k++) {
            int rows = k == layers ? outPad : width;
            int cols = k == 0 ? inPad : width;
            offs[k + 1] = offs[k] + rows * cols;
        }
        for (int k = layers; k >= 0; k--) {
            int rows = k == layers ? outPad : width;
            int cols = k == 0 ? inPad : width;
            double[] g = new double[cols];
            for (int r = 0; r < rows; r++) {
                for (int cc = 0; cc < cols; cc++) {
                    g[cc] += p[offs[k] + r * cols + cc] * d[r];
                }
            }
            if (k > 0) {
                for (int cc = 0; cc < cols; cc++) {
                    g[cc] *= df(act, zs[k][cc]);
                }
            }
            d = g;
        }
        double[] out = new double[in];
        System.arraycopy(d, 0, out, 0, in);
        return out;
    }
}
