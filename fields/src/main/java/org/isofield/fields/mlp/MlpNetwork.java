package org.isofield.fields.mlp;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.fields.mlp.MlpWorkspace.Scratch;
import org.isofield.fields.optim.ParameterGroup;

/**
 * tiny-cuda-nn's {@code FullyFusedMLP} on the CPU: bias-free, input padded with ones, output padded to 16.
 *
 * <h2>Parameter layout (matches tiny-cuda-nn; the field file exports it unchanged)</h2>
 * With {@code W = n_neurons}, {@code L = n_hidden_layers}, {@code Ip = roundUp(inputDims, 16)} and
 * {@code Op = roundUp(outputDims, 16)}, {@link #params()} holds {@code L + 1} matrices back to back, each row-major
 * ({@code rows x cols}, entry {@code (r, c)} at {@code offset + r * cols + c}, row = output unit, column = input):
 * <ol>
 *   <li>matrix 0: {@code W x Ip}, at offset 0; columns {@code inputDims..Ip-1} multiply the constant 1 and act as
 *       the implicit bias;</li>
 *   <li>matrices 1..L-1: {@code W x W}, at {@code W*Ip + (k-1)*W*W};</li>
 *   <li>matrix L: {@code Op x W}, last; rows {@code outputDims..Op-1} produce padded outputs that are never used,
 *       so they are not computed here and their gradient is zero.</li>
 * </ol>
 * Total {@code W*Ip + (L-1)*W*W + Op*W}; 7,168 for the SDF network (32 inputs, 64x2, 1 output).
 * Hidden layer {@code l} computes {@code h_l = act(W_{l-1} h_{l-1})} with {@code h_0} the padded input; the output is
 * {@code output_activation(W_L h_L)}. Initialisation: Xavier-uniform, {@code U(+-sqrt(6 / (rows + cols)))} per matrix
 * with padded sizes, or SIREN's initialisation when the hidden activation is Sine ({@link #initBound}), drawn in
 * parameter order from {@code SplittableRandom(seed)}.
 *
 * <h2>Determinism</h2>
 * Batches run in tasks of a size that depends only on the batch size (at most {@value #MAX_TASKS} tasks, blocks of
 * {@value #BLOCK} samples); each task has its own gradient buffer, and buffers are summed in task order.
 */
public final class MlpNetwork implements Network {
    /**
     * SIREN's {@code omega_0} (Sitzmann et al., NeurIPS 2020): the frequency of the first sine layer. It lives in the
     * initial weights, not in the activation (see {@link #initBound}), so a trained network keeps no separate factor.
     */
    public static final double SIREN_OMEGA_0 = 30.0;
    /** Samples per block (the unit of the matrix kernels). */
    public static final int BLOCK = 64;
    static final int MAX_TASKS = 64;
    private static final int B = BLOCK;

    private final MlpConfig config;
    private final int inputDims;
    private final int outputDims;
    private final int paddedInputDims;
    private final int width;
    private final int layers;
    private final int[] wOff;
    private final int[] wCols;
    private final float[] params;
    private final MlpKernels kernels;
    private MlpWorkspace inference;

    /** A network with the fastest kernels this runtime offers, initialised from {@code seed}. */
    public MlpNetwork(MlpConfig config, int inputDims, int outputDims, long seed) {
        this(config, inputDims, outputDims, seed, MlpKernelSelector.best());
    }

    MlpNetwork(MlpConfig config, int inputDims, int outputDims, long seed, MlpKernels kernels) {
        this.config = config;
        this.inputDims = Check.range("inputDims", inputDims, 1, 1024);
        this.outputDims = Check.range("outputDims", outputDims, 1, 1024);
        this.kernels = kernels;
        this.paddedInputDims = roundUp16(inputDims);
        this.width = config.nNeurons();
        this.layers = config.nHiddenLayers();
        wOff = new int[layers + 2];
        wCols = new int[layers + 1];
        int[] rows = new int[layers + 1];
        for (int k = 0; k <= layers; k++) {
            rows[k] = k == layers ? roundUp16(outputDims) : width;
            wCols[k] = k == 0 ? paddedInputDims : width;
            wOff[k + 1] = wOff[k] + rows[k] * wCols[k];
        }
        params = new float[wOff[layers + 1]];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k <= layers; k++) {
            double scale = initBound(config.activation(), k, rows[k], wCols[k]);
            for (int i = wOff[k]; i < wOff[k + 1]; i++) {
                params[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
            }
        }
    }

    /**
     * Half-width of the uniform initialisation of weight matrix {@code k} ({@code rows x cols}, padded sizes):
     * Xavier {@code sqrt(6 / (rows + cols))}, or SIREN's for {@link Activation#SINE} with {@code n = cols} (fan-in):
     * {@code omega_0 / n} for the first matrix and {@code sqrt(6 / n)} for the later ones. That is SIREN's
     * {@code U(+-1/n)} and {@code U(+-sqrt(6/n) / omega_0)} times {@link #SIREN_OMEGA_0}, folded into the weights
     * because the activation is tiny-cuda-nn's plain {@code sin(z)} (tiny-cuda-nn's
     * {@code initialize_siren_uniform_first} / {@code initialize_siren_uniform} do the same).
     */
    public static double initBound(Activation activation, int k, int rows, int cols) {
        if (activation == Activation.SINE) {
            return k == 0 ? SIREN_OMEGA_0 / cols : Math.sqrt(6.0 / cols);
        }
        return Math.sqrt(6.0 / (rows + cols));
    }

    /** Parameter count of a network, without building it. */
    public static int paramCount(MlpConfig config, int inputDims, int outputDims) {
        int w = config.nNeurons();
        return w * roundUp16(inputDims) + (config.nHiddenLayers() - 1) * w * w + roundUp16(outputDims) * w;
    }

    private static int roundUp16(int v) {
        return (v + 15) / 16 * 16;
    }

    public MlpConfig config() {
        return config;
    }

    @Override
    public int inputDims() {
        return inputDims;
    }

    @Override
    public int outputDims() {
        return outputDims;
    }

    /** Input width after padding to a multiple of 16. */
    public int paddedInputDims() {
        return paddedInputDims;
    }

    /** Hidden width ({@code n_neurons}). */
    public int width() {
        return width;
    }

    /** Number of hidden layers. */
    public int hiddenLayers() {
        return layers;
    }

    /** Offset of weight matrix {@code k} (0 = first, {@code hiddenLayers()} = output) in {@link #params()}. */
    public int matrixOffset(int k) {
        return wOff[Check.range("k", k, 0, layers)];
    }

    @Override
    public int paramCount() {
        return params.length;
    }

    @Override
    public float[] params() {
        return params;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        return List.of(ParameterGroup.of("mlp", 0, params.length, ParameterGroup.Kind.MATRIX));
    }

    /** Name of the matrix kernels in use ("scalar" or "vector"). */
    public String kernelName() {
        return kernels instanceof ScalarMlpKernels ? "scalar" : "vector";
    }

    @Override
    public Network.Workspace newWorkspace(int capacity) {
        return new MlpWorkspace(this, Check.nonNegative("capacity", capacity));
    }

    static int taskSize(int n) {
        int perTask = (n + MAX_TASKS - 1) / MAX_TASKS;
        return Math.max(4, (perTask + B - 1) / B) * B;
    }

    private MlpWorkspace prepare(Network.Workspace ws, int n, boolean keepActivations) {
        if (!(ws instanceof MlpWorkspace) || ((MlpWorkspace) ws).net != this) {
            throw new IllegalArgumentException("workspace was not created by this network");
        }
        MlpWorkspace w = (MlpWorkspace) ws;
        w.ensure(keepActivations ? n : 0, Parallel.chunkCount(Math.max(n, 1), taskSize(n)));
        return w;
    }

    private void checkBatch(String name, float[] a, int n, int dims) {
        if (a == null || a.length < (long) n * dims) {
            throw new IllegalArgumentException(name + " holds " + (a == null ? "nothing" : a.length + " floats")
                    + "; expected at least n * " + dims + " = " + (long) n * dims);
        }
    }

    @Override
    public void forward(float[] in, int n, float[] out) {
        checkBatch("in", in, n, inputDims);
        checkBatch("out", out, n, outputDims);
        if (inference == null) {
            inference = new MlpWorkspace(this, 0);
        }
        MlpWorkspace w = prepare(inference, n, false);
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            Scratch sc = w.tasks[task];
            for (int b = start; b < end; b += B) {
                forwardBlock(sc, in, b, Math.min(B, end - b), null, out);
            }
        });
    }

    @Override
    public void forwardTrain(float[] in, int n, Network.Workspace ws, float[] out) {
        checkBatch("in", in, n, inputDims);
        checkBatch("out", out, n, outputDims);
        MlpWorkspace w = prepare(ws, n, true);
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            Scratch sc = w.tasks[task];
            for (int b = start; b < end; b += B) {
                forwardBlock(sc, in, b, Math.min(B, end - b), w, out);
            }
        });
    }

    @Override
    public void backward(float[] in, int n, Network.Workspace ws, float[] dOut, float[] dParams, float[] dIn) {
        checkBatch("dOut", dOut, n, outputDims);
        checkBatch("dParams", dParams, 1, params.length);
        if (dIn != null) {
            checkBatch("dIn", dIn, n, inputDims);
        }
        MlpWorkspace w = prepare(ws, n, true);
        runBackward(in, n, w, dOut, null, dParams, dIn);
    }

    @Override
    public void inputGradient(float[] in, int n, Network.Workspace ws, float[] outputWeights, float[] grad) {
        checkBatch("outputWeights", outputWeights, 1, outputDims);
        checkBatch("grad", grad, n, inputDims);
        MlpWorkspace w = prepare(ws, n, true);
        runBackward(in, n, w, null, outputWeights, null, grad);
    }

    private void runBackward(float[] in, int n, MlpWorkspace w, float[] dOut, float[] c, float[] dParams, float[] dIn) {
        checkBatch("in", in, n, inputDims);
        boolean accumulate = dParams != null;
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            Scratch sc = w.tasks[task];
            if (accumulate) {
                Arrays.fill(sc.grad, 0f);
            }
            for (int b = start; b < end; b += B) {
                backwardBlock(sc, in, b, Math.min(B, end - b), w, dOut, c, accumulate, dIn);
            }
        });
        if (accumulate) {
            reduce(w, Parallel.chunkCount(n, taskSize(n)), dParams);
        }
    }

    @Override
    public void backwardInputGradient(float[] in, int n, Network.Workspace ws, float[] outputWeights, float[] dGrad,
                                      float[] dOut, float[] dParams, float[] dIn) {
        checkBatch("in", in, n, inputDims);
        checkBatch("outputWeights", outputWeights, 1, outputDims);
        checkBatch("dGrad", dGrad, n, inputDims);
        if (dOut != null) {
            checkBatch("dOut", dOut, n, outputDims);
        }
        checkBatch("dParams", dParams, 1, params.length);
        if (dIn != null) {
            checkBatch("dIn", dIn, n, inputDims);
        }
        MlpWorkspace w = prepare(ws, n, true);
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            Scratch sc = w.tasks[task];
            Arrays.fill(sc.grad, 0f);
            for (int b = start; b < end; b += B) {
                MlpSecondOrder.block(this, kernels, sc, in, b, Math.min(B, end - b), w, outputWeights, dGrad, dOut,
                        dIn);
            }
        });
        reduce(w, Parallel.chunkCount(n, taskSize(n)), dParams);
    }

    /** {@code dParams[j] += sum over tasks t in order of grad_t[j]}. */
    private void reduce(MlpWorkspace w, int taskCount, float[] dParams) {
        Parallel.forChunks(params.length, 4096, (chunk, start, end) -> {
            for (int j = start; j < end; j++) {
                float acc = 0f;
                for (int t = 0; t < taskCount; t++) {
                    acc += w.tasks[t].grad[j];
                }
                dParams[j] += acc;
            }
        });
    }

    int zOffset(int start) {
        return start / B * width * B;
    }

    int zOutOffset(int start) {
        return start / B * outputDims * B;
    }

    int weightOffset(int k) {
        return wOff[k];
    }

    int weightCols(int k) {
        return wCols[k];
    }

    private void forwardBlock(Scratch sc, float[] in, int start, int m, MlpWorkspace keep, float[] out) {
        BlockOps.load(in, inputDims, start, m, sc.x0, paddedInputDims, 1f);
        Activation act = config.activation();
        for (int l = 1; l <= layers; l++) {
            float[] z = keep != null ? keep.z[l - 1] : sc.a;
            int zOff = keep != null ? zOffset(start) : 0;
            kernels.matmul(params, wOff[l - 1], width, wCols[l - 1], sc.h[l - 1], 0, z, zOff, B, m);
            BlockOps.activate(kernels, act, z, zOff, sc.h[l], width, m);
        }
        float[] zo = keep != null ? keep.zOut : sc.zo;
        int zoOff = keep != null ? zOutOffset(start) : 0;
        kernels.matmul(params, wOff[layers], outputDims, width, sc.h[layers], 0, zo, zoOff, B, m);
        Activation outAct = config.outputActivation();
        for (int s = 0; s < m; s++) {
            int oi = (start + s) * outputDims;
            for (int o = 0; o < outputDims; o++) {
                out[oi + o] = outAct.apply(zo[zoOff + o * B + s]);
            }
        }
    }

    private void backwardBlock(Scratch sc, float[] in, int start, int m, MlpWorkspace w, float[] dOut, float[] c,
                               boolean accumulate, float[] dIn) {
        BlockOps.load(in, inputDims, start, m, sc.x0, paddedInputDims, 1f);
        Activation act = config.activation();
        int zOff = zOffset(start);
        if (accumulate) {
            for (int l = 1; l <= layers; l++) {
                BlockOps.activate(kernels, act, w.z[l - 1], zOff, sc.h[l], width, m);
            }
        }
        Activation outAct = config.outputActivation();
        int zoOff = zOutOffset(start);
        for (int o = 0; o < outputDims; o++) {
            for (int s = 0; s < m; s++) {
                float g = dOut != null ? dOut[(start + s) * outputDims + o] : c[o];
                sc.dOut[o * B + s] = g * outAct.derivative(w.zOut[zoOff + o * B + s]);
            }
        }
        if (accumulate) {
            kernels.accumulateOuter(sc.grad, wOff[layers], outputDims, width, sc.dOut, 0, sc.h[layers], 0,
                    sc.transposed, B, m);
        }
        float[] d = sc.a;
        float[] next = sc.b;
        kernels.matmulTransposed(params, wOff[layers], outputDims, width, width, sc.dOut, 0, d, 0, B, m);
        for (int l = layers; l >= 1; l--) {
            BlockOps.multiplyDerivative(kernels, act, w.z[l - 1], zOff, d, width, m);
            if (accumulate) {
                kernels.accumulateOuter(sc.grad, wOff[l - 1], width, wCols[l - 1], d, 0, sc.h[l - 1], 0,
                        sc.transposed, B, m);
            }
            if (l > 1) {
                kernels.matmulTransposed(params, wOff[l - 1], width, width, width, d, 0, next, 0, B, m);
                float[] t = d;
                d = next;
                next = t;
            } else if (dIn != null) {
                kernels.matmulTransposed(params, wOff[0], width, paddedInputDims, inputDims, d, 0, next, 0, B, m);
                BlockOps.store(next, inputDims, start, m, dIn);
            }
        }
    }
}
