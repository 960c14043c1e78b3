package org.isofield.fields.loss;

import org.isofield.core.Check;
import org.isofield.core.Parallel;

/**
 * The element-wise losses of tiny-cuda-nn, with {@code e = y - d} and {@code N = n * dims}:
 * <pre>
 *   L1          |e| / N                       gradient sign(e) / N (0 at e = 0)
 *   L2          e^2 / N                       gradient 2 e / N
 *   RelativeL2  e^2 / (y^2 + 0.01) / N        gradient 2 e / (y^2 + 0.01) / N  (denominator held constant)
 *   MAPE        |e| / (|d| + 0.01) / N        gradient sign(e) / (|d| + 0.01) / N
 * </pre>
 * RelativeL2 treats its denominator as a constant in the gradient, exactly as tiny-cuda-nn does (so its gradient is
 * not the derivative of its value).
 */
public final class ElementwiseLoss implements Loss {
    /** Which formula. */
    public enum Kind { L1, L2, RELATIVE_L2, MAPE }

    private static final int GRAIN = 1 << 14;
    private final Kind kind;

    public ElementwiseLoss(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public double evaluate(float[] prediction, float[] target, int n, int dims, float[] grad) {
        Check.nonNegative("n", n);
        Check.positive("dims", dims);
        long total = (long) n * dims;
        if (prediction.length < total || target.length < total || (grad != null && grad.length < total)) {
            throw new IllegalArgumentException("loss arrays shorter than n * dims = " + total);
        }
        if (total == 0) {
            return 0;
        }
        int count = (int) total;
        float inv = 1f / count;
        double sum = Parallel.sum(count, GRAIN, (chunk, start, end) -> chunk(prediction, target, grad, start, end,
                inv));
        return sum / count;
    }

    private double chunk(float[] y, float[] d, float[] grad, int start, int end, float inv) {
        double sum = 0;
        for (int i = start; i < end; i++) {
            float e = y[i] - d[i];
            float value;
            float g;
            switch (kind) {
                case L1:
                    value = Math.abs(e);
                    g = Math.signum(e);
                    break;
                case L2:
                    value = e * e;
                    g = 2f * e;
                    break;
                case RELATIVE_L2: {
                    float denom = y[i] * y[i] + 0.01f;
                    value = e * e / denom;
                    g = 2f * e / denom;
                    break;
                }
                case MAPE: {
                    float denom = Math.abs(d[i]) + 0.01f;
                    value = Math.abs(e) / denom;
                    g = Math.signum(e) / denom;
                    break;
                }
                default:
                    throw new AssertionError(kind);
            }
            sum += value;
            if (grad != null) {
                grad[i] = g * inv;
            }
        }
        return sum;
    }
}
