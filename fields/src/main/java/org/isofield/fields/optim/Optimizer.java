package org.isofield.fields.optim;

import java.util.Map;

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

    /**
     * Adds this optimizer's state to {@code out} as named float32 arrays (copies), for a checkpoint: each name starts
     * with {@code prefix} followed by the optimizer's own name ({@code adam.}, {@code ema.}, {@code
     * exponential_decay.}); a wrapper passes its own prefix on to the optimizer it wraps. {@code params} are the live
     * training parameters. Counters are stored as float32, exact up to {@link OptimizerState#MAX_EXACT_COUNT}.
     *
     * @throws IllegalStateException when a counter is too large to be stored exactly
     */
    void saveState(String prefix, float[] params, Map<String, float[]> out);

    /**
     * Restores what {@link #saveState} wrote, removing each block it reads from {@code in}. On entry {@code params}
     * holds the stored inference parameters ({@link #inferenceParams}); on return it holds the training parameters.
     * The optimizer must be fresh (no step taken).
     *
     * @throws IllegalArgumentException when a block is missing, has the wrong length or an impossible value; the
     *     message names the block, what was found and what was expected
     */
    void restoreState(String prefix, float[] params, Map<String, float[]> in);
}
