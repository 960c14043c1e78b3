package org.isofield.fields.mlp.cam;

import java.util.Arrays;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MatrixKernels;

/**
 * The per-block passes of a {@link CamNetwork}, on up to {@link CamNetwork#B} samples stored feature-major. The
 * backward pass reverses the forward one layer by layer:
 * <pre>
 *   dy = dh act'(y);   dgamma += dy zh;   dbeta += dy;   dzh = gamma dy
 *   dz = inv (dzh - mean(dzh) - zh mean(dzh zh))     (instance normalisation; dz = dzh without it)
 *   dW_{l-1} += dz h_{l-1}^T;   dh_{l-1} = W_{l-1}^T dz
 * </pre>
 * The factor gradients ({@code dgamma}, {@code dbeta} per sample and channel) go to the workspace for the grid's
 * scatter pass and, when an input gradient is asked for, through the tri-plane product to the position.
 */
final class CamBlock {
    private static final int B = CamNetwork.B;

    private CamBlock() {
    }

    static void forward(CamNetwork net, CamWorkspace.Scratch sc, float[] in, int start, int m, CamWorkspace keep,
                        float[] out) {
        int width = net.width();
        int layers = net.hiddenLayers();
        int k = net.channels();
        TriPlane grid = net.grid();
        float[] p = net.params();
        MatrixKernels kern = net.kernels();
        loadFeatures(net, in, start, m, sc.h[0]);
        int[] cell = keep != null ? keep.cell : sc.cell;
        float[] frac = keep != null ? keep.frac : sc.frac;
        int at = keep != null ? start : 0;
        float[] fac = keep != null ? keep.fac : sc.fac;
        int facOff = keep != null ? start * k : 0;
        for (int s = 0; s < m; s++) {
            int i = at + s;
            grid.locate(in, (start + s) * net.inputDims() + net.featureDims(), cell, 3 * i, frac, 6 * i);
        }
        for (int c = 0; c < k; c++) {
            int row = facOff + c * B;
            for (int s = 0; s < m; s++) {
                int i = at + s;
                fac[row + s] = grid.sample(p, cell[3 * i], frac[6 * i], frac[6 * i + 1], c)
                        * grid.sample(p, cell[3 * i + 1], frac[6 * i + 2], frac[6 * i + 3], c)
                        * grid.sample(p, cell[3 * i + 2], frac[6 * i + 4], frac[6 * i + 5], c);
            }
        }
        Activation act = net.config().activation();
        int zOff = keep != null ? start * width : 0;
        for (int l = 1; l <= layers; l++) {
            float[] zh = keep != null ? keep.zh[l - 1] : sc.zh;
            float[] y = keep != null ? keep.y[l - 1] : sc.y;
            float[] inv = keep != null ? keep.inv[l - 1] : sc.inv;
            kern.matmul(p, net.weightOffset(l - 1), width, net.weightCols(l - 1), sc.h[l - 1], 0, zh, zOff, B, m);
            if (net.config().instanceNormalization()) {
                normalize(zh, zOff, inv, at, width, m, sc.sum1, sc.sum2, net.config().normalizationEpsilon());
            }
            float[] h = sc.h[l];
            for (int r = 0; r < width; r++) {
                int zr = zOff + r * B;
                int g = facOff + scaleChannel(net, l - 1, r) * B;
                int b = facOff + shiftChannel(net, l - 1, r) * B;
                for (int s = 0; s < m; s++) {
                    float v = fac[g + s] * zh[zr + s] + fac[b + s];
                    y[zr + s] = v;
                    h[r * B + s] = act.apply(v);
                }
            }
        }
        int outDims = net.outputDims();
        float[] zo = keep != null ? keep.zOut : sc.zo;
        int zoOff = keep != null ? start * outDims : 0;
        kern.matmul(p, net.weightOffset(layers), outDims, width, sc.h[layers], 0, zo, zoOff, B, m);
        Activation outAct = net.config().outputActivation();
        for (int s = 0; s < m; s++) {
            for (int o = 0; o < outDims; o++) {
                out[(start + s) * outDims + o] = outAct.apply(zo[zoOff + o * B + s]);
            }
        }
    }

    static void backward(CamNetwork net, CamWorkspace.Scratch sc, float[] in, int start, int m, CamWorkspace w,
                         float[] dOut, float[] c, boolean accumulate, float[] dIn) {
        int width = net.width();
        int layers = net.hiddenLayers();
        int k = net.channels();
        int outDims = net.outputDims();
        float[] p = net.params();
        MatrixKernels kern = net.kernels();
        Activation act = net.config().activation();
        int zOff = start * width;
        int facOff = start * k;
        if (accumulate) {
            loadFeatures(net, in, start, m, sc.h[0]);
            for (int l = 1; l <= layers; l++) {
                float[] y = w.y[l - 1];
                for (int i = 0; i < width * B; i += B) {
                    for (int s = 0; s < m; s++) {
                        sc.h[l][i + s] = act.apply(y[zOff + i + s]);
                    }
                }
            }
        }
        Activation outAct = net.config().outputActivation();
        int zoOff = start * outDims;
        for (int o = 0; o < outDims; o++) {
            for (int s = 0; s < m; s++) {
                float g = dOut != null ? dOut[(start + s) * outDims + o] : c[o];
                sc.dOut[o * B + s] = g * outAct.derivative(w.zOut[zoOff + o * B + s]);
            }
        }
        if (accumulate) {
            kern.accumulateOuter(sc.grad, net.weightOffset(layers), outDims, width, sc.dOut, 0, sc.h[layers], 0,
                    sc.transposed, B, m);
        }
        float[] d = sc.a;
        float[] next = sc.b;
        kern.matmulTransposed(p, net.weightOffset(layers), outDims, width, width, sc.dOut, 0, d, 0, B, m);
        Arrays.fill(sc.dfac, 0f);
        for (int l = layers; l >= 1; l--) {
            float[] y = w.y[l - 1];
            float[] zh = w.zh[l - 1];
            for (int r = 0; r < width; r++) {
                int zr = zOff + r * B;
                int gc = scaleChannel(net, l - 1, r) * B;
                int bc = shiftChannel(net, l - 1, r) * B;
                for (int s = 0; s < m; s++) {
                    float dy = d[r * B + s] * act.derivative(y[zr + s]);
                    sc.dfac[gc + s] += dy * zh[zr + s];
                    sc.dfac[bc + s] += dy;
                    d[r * B + s] = dy * w.fac[facOff + gc + s];
                }
            }
            if (net.config().instanceNormalization()) {
                normalizeBackward(zh, zOff, w.inv[l - 1], start, d, width, m, sc.sum1, sc.sum2);
            }
            int wo = net.weightOffset(l - 1);
            int cols = net.weightCols(l - 1);
            if (accumulate) {
                kern.accumulateOuter(sc.grad, wo, width, cols, d, 0, sc.h[l - 1], 0, sc.transposed, B, m);
            }
            if (l > 1) {
                kern.matmulTransposed(p, wo, width, width, width, d, 0, next, 0, B, m);
                float[] t = d;
                d = next;
                next = t;
            } else if (dIn != null) {
                kern.matmulTransposed(p, wo, width, cols, net.featureDims(), d, 0, next, 0, B, m);
                for (int s = 0; s < m; s++) {
                    int di = (start + s) * net.inputDims();
                    for (int f = 0; f < net.featureDims(); f++) {
                        dIn[di + f] = next[f * B + s];
                    }
                }
            }
        }
        if (accumulate) {
            for (int ch = 0; ch < k; ch++) {
                for (int s = 0; s < m; s++) {
                    w.dv[(start + s) * k + ch] = sc.dfac[ch * B + s];
                }
            }
        }
        if (dIn != null) {
            positionGradient(net, sc, in, start, m, w, dIn);
        }
    }

    /** {@code dIn[position] = sum_c dfac_c dv_c/dp}, through the product of the three bilinear plane samples. */
    private static void positionGradient(CamNetwork net, CamWorkspace.Scratch sc, float[] in, int start, int m,
                                         CamWorkspace w, float[] dIn) {
        TriPlane grid = net.grid();
        float[] p = net.params();
        int k = net.channels();
        float[] d0 = new float[2];
        float[] d1 = new float[2];
        float[] d2 = new float[2];
        for (int s = 0; s < m; s++) {
            int i = start + s;
            int pos = i * net.inputDims() + net.featureDims();
            int b0 = w.cell[3 * i];
            int b1 = w.cell[3 * i + 1];
            int b2 = w.cell[3 * i + 2];
            float[] f = w.frac;
            int fo = 6 * i;
            double gx = 0;
            double gy = 0;
            double gz = 0;
            for (int ch = 0; ch < k; ch++) {
                float g = sc.dfac[ch * B + s];
                if (g == 0f) {
                    continue;
                }
                float v0 = grid.sample(p, b0, f[fo], f[fo + 1], ch);
                float v1 = grid.sample(p, b1, f[fo + 2], f[fo + 3], ch);
                float v2 = grid.sample(p, b2, f[fo + 4], f[fo + 5], ch);
                grid.sampleGradient(p, b0, f[fo], f[fo + 1], ch, d0);
                grid.sampleGradient(p, b1, f[fo + 2], f[fo + 3], ch, d1);
                grid.sampleGradient(p, b2, f[fo + 4], f[fo + 5], ch, d2);
                gx += g * (d0[0] * v1 * v2 + v0 * d1[0] * v2);
                gy += g * (d0[1] * v1 * v2 + v0 * v1 * d2[0]);
                gz += g * (v0 * d1[1] * v2 + v0 * v1 * d2[1]);
            }
            float scale = grid.resolution - 1;
            dIn[pos] = (float) gx * inside(in[pos]) * scale;
            dIn[pos + 1] = (float) gy * inside(in[pos + 1]) * scale;
            dIn[pos + 2] = (float) gz * inside(in[pos + 2]) * scale;
        }
    }

    private static float inside(float a) {
        return a >= 0f && a <= 1f ? 1f : 0f;
    }

    static int scaleChannel(CamNetwork net, int layer, int neuron) {
        CamMlpConfig c = net.config();
        return layer * c.channelsPerLayer() + (c.perNeuron() ? neuron : 0);
    }

    static int shiftChannel(CamNetwork net, int layer, int neuron) {
        CamMlpConfig c = net.config();
        int half = c.channelsPerLayer() / 2;
        return layer * c.channelsPerLayer() + half + (c.perNeuron() ? neuron : 0);
    }

    private static void loadFeatures(CamNetwork net, float[] in, int start, int m, float[] x0) {
        int dims = net.inputDims();
        int f = net.featureDims();
        for (int s = 0; s < m; s++) {
            int si = (start + s) * dims;
            for (int c = 0; c < f; c++) {
                x0[c * B + s] = in[si + c];
            }
        }
        for (int c = f; c < net.paddedFeatureDims(); c++) {
            Arrays.fill(x0, c * B, c * B + m, 1f);
        }
    }

    /** In place over a block: {@code zh = (z - mean) * inv}, {@code inv = 1 / sqrt(var + eps)} per sample. */
    private static void normalize(float[] z, int zOff, float[] inv, int invOff, int rows, int m, float[] sum,
                                  float[] sq, double eps) {
        Arrays.fill(sum, 0, m, 0f);
        Arrays.fill(sq, 0, m, 0f);
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            for (int s = 0; s < m; s++) {
                sum[s] += z[zr + s];
            }
        }
        float invRows = 1f / rows;
        for (int s = 0; s < m; s++) {
            sum[s] *= invRows;
        }
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            for (int s = 0; s < m; s++) {
                float v = z[zr + s] - sum[s];
                z[zr + s] = v;
                sq[s] += v * v;
            }
        }
        for (int s = 0; s < m; s++) {
            inv[invOff + s] = (float) (1.0 / Math.sqrt(sq[s] * invRows + eps));
        }
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            for (int s = 0; s < m; s++) {
                z[zr + s] *= inv[invOff + s];
            }
        }
    }

    /** In place: {@code d <- inv (d - mean(d) - zh mean(d zh))} per sample. */
    private static void normalizeBackward(float[] zh, int zOff, float[] inv, int invOff, float[] d, int rows, int m,
                                          float[] sum, float[] dot) {
        Arrays.fill(sum, 0, m, 0f);
        Arrays.fill(dot, 0, m, 0f);
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            for (int s = 0; s < m; s++) {
                float v = d[r * B + s];
                sum[s] += v;
                dot[s] += v * zh[zr + s];
            }
        }
        float invRows = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * B;
            for (int s = 0; s < m; s++) {
                d[r * B + s] = inv[invOff + s] * (d[r * B + s] - sum[s] * invRows - zh[zr + s] * dot[s] * invRows);
            }
        }
    }
}
