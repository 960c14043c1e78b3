package org.isofield.fields.optim;

/**
 * Updates a flat parameter array from its gradient, one step at a time. The array and the gradient have the length
 * of the {@link ParameterGroup}s the optimizer was created with. Steps are element-wise, so results do not depend on
 * the thread count.
 */
public interface Optimizer {
    /** One step: updates {@code params} in place; {@code grads} is read, not cleared. */
    void step(float[] params, float[] grads);

    /** Steps taken so far. */
    long stepCount();

    /** The learning rate the next step will use (before per-group factors and bias correction). */
    double learningRate();

    void setLearningRate(double learningRate);

    /**
     * The parameters to use for inference and export: the moving average for {@link EmaConfig}, else
     * {@code params} itself.
     */
    float[] inferenceParams(float[] params);
}
