package org.isofield.fields.device;

import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpNetwork;

/**
 * The CPU twin of the tensor-core forward pass ({@code mlp_forward_fp16} of {@code mlp_fp16.cu}): {@link MlpNetwork}'s
 * forward with both factors of every hidden product rounded to IEEE half (round to nearest even, subnormals and
 * overflow to infinity as the hardware rounds), summed in fp32; the output layer in fp32 from fp32 activations, as the
 * kernel does. A product of two halves is exact in fp32 (11 x 11 significant bits), so the twin and the kernel differ
 * only in the order of the fp32 sums, and the kernel's parity test holds them to the fp32 bound. Batches point-major
 * here ({@code x[s * din + c]}), as {@link MlpNetwork}.
 */
public final class HalfPrecisionForward {
    private HalfPrecisionForward() {
    }

    /** {@code f} rounded to the nearest IEEE 754 half (binary16), ties to even, returned as a float. */
    public static float roundToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = bits & 0x8000_0000;
        int abs = bits & 0x7FFF_FFFF;
        if (abs >= 0x7F80_0000) {
            return f;
        }
        int exp = (abs >>> 23) - 127;
        int shift = exp >= -14 ? 13 : 13 + (-14 - exp);
        if (shift > 24) {
            return Float.intBitsToFloat(sign);
        }
        int rounded;
        if (exp >= -14) {
            rounded = (abs + (1 << (shift - 1)) - 1 + ((abs >>> shift) & 1)) & ~((1 << shift) - 1);
        } else {
            // below the half's normal range: the spacing is 2^-24 whatever the float exponent
            float q = Math.abs(f) * 0x1p24f;
            rounded = Float.floatToRawIntBits((float) Math.rint(q) * 0x1p-24f);
        }
        if (Float.intBitsToFloat(rounded) > 65504f) {
            return Float.intBitsToFloat(sign | 0x7F80_0000);
        }
        return Float.intBitsToFloat(sign | rounded);
    }

    /** {@code out[s * dout + o]} = the half-precision forward pass at {@code x}'s {@code n} samples. */
    public static void forward(MlpNetwork net, float[] x, int n, float[] out) {
        int din = net.inputDims();
        int ip = net.paddedInputDims();
        int w = net.width();
        int layers = net.hiddenLayers();
        int dout = net.outputDims();
        Activation act = net.config().activation();
        Activation outAct = net.config().outputActivation();
        float[] p = net.params();
        float[] h = new float[Math.max(ip, w)];
        float[] a = new float[w];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < ip; c++) {
                h[c] = roundToHalf(c < din ? x[s * din + c] : 1f);
            }
            product(p, net.matrixOffset(0), ip, h, a, w);
            for (int l = 1; l < layers; l++) {
                for (int r = 0; r < w; r++) {
                    h[r] = roundToHalf(act.apply(a[r]));
                }
                product(p, net.matrixOffset(l), w, h, a, w);
            }
            int off = net.matrixOffset(layers);
            for (int o = 0; o < dout; o++) {
                float acc = 0f;
                for (int c = 0; c < w; c++) {
                    acc += p[off + o * w + c] * act.apply(a[c]);
                }
                out[s * dout + o] = outAct.apply(acc);
            }
        }
    }

    /** {@code a[r] = sum_c half(W[r][c]) h[c]} for a row-major {@code rows x cols} matrix at {@code off}. */
    private static void product(float[] p, int off, int cols, float[] h, float[] a, int rows) {
        for (int r = 0; r < rows; r++) {
            float acc = 0f;
            for (int c = 0; c < cols; c++) {
                acc += roundToHalf(p[off + r * cols + c]) * h[c];
            }
            a[r] = acc;
        }
    }
}
