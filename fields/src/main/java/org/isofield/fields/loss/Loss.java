package org.isofield.fields.loss;

/**
 * A loss over a batch of predictions {@code y} and targets {@code d}, both {@code n x dims} row-major. The value is
 * the mean over all {@code n * dims} elements, as in tiny-cuda-nn (which divides by the element count), and the
 * gradient is the gradient of that mean.
 */
public interface Loss {
    /**
     * Returns the mean loss and, when {@code grad} is not null, writes {@code dLoss/dy} into it ({@code n x dims}).
     * The sum runs in fixed chunks added in order, so the value does not depend on the thread count.
     */
    double evaluate(float[] prediction, float[] target, int n, int dims, float[] grad);
}
