package org.isofield.fields.loss;

import org.isofield.core.Check;
import org.isofield.core.Parallel;

/**
 * The eikonal term {@code weight * mean_i (|g_i| - 1)^2} over spatial gradients {@code g_i} of a signed distance field
 * ({@code n x dims}, usually dims 3). Its gradient {@code 2 weight (|g| - 1) g / (|g| n)} (0 where {@code g = 0}) is
 * the {@code v} that {@link org.isofield.fields.mlp.Network} documents for the second-order chain.
 */
public final class Eikonal {
    private static final int GRAIN = 1 << 12;

    private Eikonal() {
    }

    /** Returns the term's value and, when {@code dGrad} is not null, writes its gradient with respect to {@code grad}.
     * */
    public static double evaluate(float[] grad, int n, int dims, double weight, float[] dGrad) {
        Check.nonNegative("n", n);
        Check.positive("dims", dims);
        if (n == 0) {
            return 0;
        }
        float scale = (float) (2 * weight / n);
        double sum = Parallel.sum(n, GRAIN, (chunk, start, end) -> {
            double s = 0;
            for (int i = start; i < end; i++) {
                double norm2 = 0;
                for (int k = 0; k < dims; k++) {
                    double g = grad[i * dims + k];
                    norm2 += g * g;
                }
                double norm = Math.sqrt(norm2);
                s += (norm - 1) * (norm - 1);
                if (dGrad != null) {
                    float f = norm > 0 ? (float) (scale * (norm - 1) / norm) : 0f;
                    for (int k = 0; k < dims; k++) {
                        dGrad[i * dims + k] = f * grad[i * dims + k];
                    }
                }
            }
            return s;
        });
        return weight * sum / n;
    }
}
