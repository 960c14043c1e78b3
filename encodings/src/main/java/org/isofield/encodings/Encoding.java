package org.isofield.encodings;

/**
 * An input encoding of a neural field: maps each point of a batch to a feature vector, with the derivatives needed to
 * train it and to train an eikonal (unit-gradient) loss through it.
 *
 * <p>Batches are flat {@code float} arrays in row-major order: {@code in} holds {@code n x inputDims()} values (point
 * {@code i}, coordinate {@code d} at {@code in[i * inputDims() + d]}), {@code out} and the {@code dLdOut}-style arrays
 * hold {@code n x outputDims()}. Arrays may be longer than needed; only the first rows are read or written. Grid
 * encodings expect inputs in the unit cube {@code [0,1]^d}; outside it they still never index out of bounds, but the
 * values are those of the wrapped or hashed cells and carry no meaning.
 *
 * <p>Every method runs over fixed chunks of points or whole levels ({@link org.isofield.core.Parallel}), so the results
 * are bitwise the same for any thread count. The parameter gradient is accumulated race-free: each task owns whole
 * levels of the table. An instance owns reusable scratch buffers: one call at a time per instance.
 *
 * <p><b>Eikonal losses.</b> Let {@code J} be the Jacobian {@code d out / d in} of one point ({@code outputDims x
 * inputDims}), {@code v} an upstream gradient on the output and {@code g = J^T v} the input gradient
 * ({@link #inputGradient}). A loss on {@code g} (for example {@code (|grad_x sdf| - 1)^2}, where {@code v} comes from
 * the network) needs {@code dLoss/dtheta} through {@code g}, given by {@link #backwardInputGradient}, and
 * {@code dLoss/dv = J u} with {@code u = dLoss/dg}, given by {@link #jacobianVectorProduct}. The remaining term,
 * {@code dg/din} (second derivatives of the encoding), is not provided: it is zero inside a simplex of the simplex grid
 * and holds only the cross terms within a cell of a Linear grid.
 */
public interface Encoding {
    /** Coordinates per input point. */
    int inputDims();

    /** Features per output point. */
    int outputDims();

    /** Number of trainable parameters ({@code params().length}); 0 for encodings without parameters. */
    int paramCount();

    /** The trainable parameters, owned by this encoding and updated in place by optimizers. */
    float[] params();

    /** Sets the parameters to their initial values from {@code seed} (grids: uniform in {@code [-1e-4, 1e-4]}). */
    void initialize(long seed);

    /** Writes the encoding of {@code n} points of {@code in} into {@code out} ({@code n x outputDims()}). */
    void encode(float[] in, int n, float[] out);

    /**
     * Adds {@code dL/dparams} to {@code gradParams} ({@code paramCount()} values), given {@code dLdOut}
     * ({@code n x outputDims()}). Does not zero {@code gradParams} first.
     */
    void backward(float[] in, int n, float[] dLdOut, float[] gradParams);

    /** Writes {@code dL/din = J^T dLdOut} ({@code n x inputDims()}) into {@code dLdIn}. */
    void inputGradient(float[] in, int n, float[] dLdOut, float[] dLdIn);

    /**
     * Writes the directional derivative {@code J dIn} ({@code n x outputDims()}) of the outputs along {@code dIn}
     * ({@code n x inputDims()}) into {@code dOut}.
     */
    void jacobianVectorProduct(float[] in, int n, float[] dIn, float[] dOut);

    /**
     * Adds to {@code gradParams} the gradient with respect to the parameters of {@code sum_i u_i . (J_i^T v_i)}, where
     * {@code v = dLdOut} ({@code n x outputDims()}) and {@code u = dLdInputGradient} ({@code n x inputDims()}): the
     * parameter part of the backward pass through {@link #inputGradient}. Does not zero {@code gradParams} first.
     */
    void backwardInputGradient(float[] in, int n, float[] dLdOut, float[] dLdInputGradient, float[] gradParams);
}
