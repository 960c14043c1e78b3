package org.isofield.fields.mlp;

import java.util.List;
import org.isofield.fields.optim.ParameterGroup;

/**
 * A differentiable function from {@link #inputDims()} to {@link #outputDims()} floats per sample, over batches stored
 * row by row in flat arrays ({@code n x dims}, sample {@code i} at {@code [i * dims, (i + 1) * dims)}).
 *
 * <p>Training is three calls sharing a {@link Workspace}: {@link #forwardTrain} keeps what the backward passes need,
 * then {@link #backward} (first order), or {@link #inputGradient} followed by {@link #backwardInputGradient} (the
 * second-order terms of an eikonal loss). Gradients with respect to parameters are <em>added</em> to the caller's
 * array; gradients with respect to inputs are <em>written</em>. Results do not depend on the thread count.
 *
 * <h2>Chaining with an encoding (eikonal loss)</h2>
 * With an encoding {@code x = e(p; phi)} in front and a scalar field {@code f(p) = c . y(e(p))}, the spatial gradient
 * is {@code grad_p f = J^T g} where {@code J = de/dp} (inputDims x 3) and {@code g = df/dx} comes from
 * {@link #inputGradient}. For a loss {@code L(grad_p f)} with {@code v = dL/d(grad_p f)} (3 per sample, e.g. from
 * {@link org.isofield.fields.loss.Eikonal}), pass {@code u = J v} (inputDims per sample) to
 * {@link #backwardInputGradient}: it adds {@code u . dg/dtheta} to the network's parameter gradient and writes
 * {@code dL/dx = H u} (H the Hessian of f in x, plus any first-order data-loss term given in the same call). The
 * encoding then needs its usual backward with {@code dL/dx}, plus its own second-order term
 * {@code d(J^T g)/dphi . v} (tiny-cuda-nn's {@code backward_backward_input} for grids).
 *
 * <p>Implementations are not safe for concurrent calls; each call runs in parallel internally.
 */
public interface Network {
    int inputDims();

    int outputDims();

    /** Number of parameters; {@link #params()} has exactly this length. */
    int paramCount();

    /** The live parameter array (the optimizer updates it in place). */
    float[] params();

    /** The parameter ranges and their kind (matrix weights, for L2 regularisation), in order, covering all params. */
    List<ParameterGroup> parameterGroups();

    /** A workspace for batches of up to {@code capacity} samples; it grows when given a larger batch. */
    Workspace newWorkspace(int capacity);

    /** Inference: writes {@code n x outputDims} outputs. */
    void forward(float[] in, int n, float[] out);

    /** Training forward: as {@link #forward}, and keeps the pre-activations in {@code ws}. */
    void forwardTrain(float[] in, int n, Workspace ws, float[] out);

    /**
     * First-order backward after {@link #forwardTrain} on the same input.
     *
     * @param dOut dL/d(output), {@code n x outputDims}
     * @param dParams gradient accumulator of length {@link #paramCount()}: dL/dparams is added
     * @param dIn receives dL/d(input), {@code n x inputDims}; may be null
     */
    void backward(float[] in, int n, Workspace ws, float[] dOut, float[] dParams, float[] dIn);

    /**
     * Gradient of the weighted output {@code s = sum_o c[o] * y[o]} with respect to the input, after
     * {@link #forwardTrain}: writes {@code g = ds/dx}, {@code n x inputDims}.
     *
     * @param outputWeights {@code c}, length {@link #outputDims()}, e.g. {1} for a signed distance
     */
    void inputGradient(float[] in, int n, Workspace ws, float[] outputWeights, float[] grad);

    /**
     * Second-order backward of a loss that depends on the input gradient {@code g} of {@link #inputGradient} and,
     * optionally, on the outputs: given {@code u = dL/dg} ({@code n x inputDims}) and {@code dOut = dL/dy} (or null),
     * adds {@code u . dg/dparams + dOut . dy/dparams} to {@code dParams} and writes
     * {@code dIn = u . dg/dx + dOut . dy/dx} (Hessian-vector product plus first-order term). Needs
     * {@link #forwardTrain} on the same input first.
     */
    void backwardInputGradient(float[] in, int n, Workspace ws, float[] outputWeights, float[] dGrad, float[] dOut,
                               float[] dParams, float[] dIn);

    /** Opaque per-network scratch memory, reused across steps to avoid allocation. */
    interface Workspace {
        /** Samples the workspace holds without growing. */
        int capacity();
    }
}
