package org.isofield.fields.mlp.cam;

import java.util.Arrays;
import java.util.List;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.fields.mlp.MatrixKernels;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.optim.ParameterGroup;

/**
 * A {@code FullyFusedMLP} with coordinate-aware modulation (Lee et al., ICLR 2024). Its input is the feature vector
 * followed by the position: {@code inputDims = F + 3}, features first (what {@link CoordinateEncoding} produces). The
 * MLP sees only the {@code F} features, padded with ones to a multiple of 16 as in tiny-cuda-nn; the position, in
 * {@code [0,1]^3}, addresses the {@link TriPlane} grid. Hidden layer {@code l} computes
 * <pre>
 *   z = W_{l-1} h_{l-1},   zh = (z - mean(z)) / sqrt(var(z) + eps)   (over the layer's neurons, per sample),
 *   h_l = act(gamma_l(p) * zh + beta_l(p))
 * </pre>
 * with {@code gamma_l, beta_l} grid channels (one each per layer, or one each per neuron); without instance
 * normalisation (the default) {@code zh = z}. The output layer is plain: {@code output_activation(W_L h_L)}.
 *
 * <h2>Parameters</h2>
 * {@link #params()} holds the MLP's matrices in tiny-cuda-nn's layout ({@link MlpNetwork}), then the grid
 * ({@link TriPlane} layout, channel {@code l * cpl + c} for layer {@code l}, {@code cpl} channels per layer: scales
 * first, then shifts). Two {@link ParameterGroup}s: {@code "mlp"} (matrix weights) and {@code "triplane"} (grid
 * entries, learning rate times {@link CamMlpConfig#gridLearningRateFactor()}). The MLP starts exactly as a
 * {@link MlpNetwork} of the same config and seed; the grid starts at the identity (scale 1, shift 0, see
 * {@link TriPlane#initialize}), so without normalisation an untrained network computes the plain MLP.
 *
 * <h2>Limits</h2>
 * First-order only: {@link #backwardInputGradient} (the eikonal second-order pass) is not provided.
 * Deterministic as {@link MlpNetwork}: fixed tasks with private MLP gradients summed in task order, and a grid scatter
 * pass in which each task owns whole channels. Not safe for concurrent calls.
 */
public final class CamNetwork implements Network {
    static final int B = MlpNetwork.BLOCK;
    private static final int MAX_TASKS = 64;

    private final CamMlpConfig config;
    private final int inputDims;
    private final int featureDims;
    private final int paddedFeatureDims;
    private final int outputDims;
    private final int mlpCount;
    private final int[] wOff;
    private final int[] wCols;
    private final float[] params;
    private final TriPlane grid;
    private final MatrixKernels kernels;
    private CamWorkspace inference;

    /** A network with the fastest matrix kernels of this runtime, initialised from {@code seed}. */
    public CamNetwork(CamMlpConfig config, int inputDims, int outputDims, long seed) {
        this(config, inputDims, outputDims, seed, MatrixKernels.best());
    }

    CamNetwork(CamMlpConfig config, int inputDims, int outputDims, long seed, MatrixKernels kernels) {
        this.config = config;
        this.inputDims = Check.range("inputDims", inputDims, 4, 1027);
        this.outputDims = Check.range("outputDims", outputDims, 1, 1024);
        this.kernels = kernels;
        this.featureDims = inputDims - 3;
        MlpNetwork mlp = new MlpNetwork(config.mlp(), featureDims, outputDims, seed);
        this.paddedFeatureDims = mlp.paddedInputDims();
        int layers = config.nHiddenLayers();
        wOff = new int[layers + 1];
        wCols = new int[layers + 1];
        for (int k = 0; k <= layers; k++) {
            wOff[k] = mlp.matrixOffset(k);
            wCols[k] = k == 0 ? paddedFeatureDims : config.nNeurons();
        }
        mlpCount = mlp.paramCount();
        int channels = config.channelsPerLayer() * layers;
        grid = new TriPlane(config.gridResolution(), channels, mlpCount);
        params = new float[mlpCount + grid.paramCount()];
        System.arraycopy(mlp.params(), 0, params, 0, mlpCount);
        int cpl = config.channelsPerLayer();
        grid.initialize(params, c -> c % cpl >= cpl / 2);
    }

    /** Parameter count of a network, without building it. */
    public static long paramCount(CamMlpConfig config, int inputDims, int outputDims) {
        return MlpNetwork.paramCount(config.mlp(), inputDims - 3, outputDims) + config.gridParamCount();
    }

    public CamMlpConfig config() {
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

    /** Features fed to the MLP ({@code inputDims - 3}). */
    public int featureDims() {
        return featureDims;
    }

    int paddedFeatureDims() {
        return paddedFeatureDims;
    }

    public int width() {
        return config.nNeurons();
    }

    public int hiddenLayers() {
        return config.nHiddenLayers();
    }

    /** Grid channels over all layers. */
    int channels() {
        return grid.channels;
    }

    /** Parameters of the MLP part; the grid follows them in {@link #params()}. */
    public int mlpParamCount() {
        return mlpCount;
    }

    TriPlane grid() {
        return grid;
    }

    MatrixKernels kernels() {
        return kernels;
    }

    int weightOffset(int k) {
        return wOff[k];
    }

    int weightCols(int k) {
        return wCols[k];
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
        return List.of(ParameterGroup.of("mlp", 0, mlpCount, ParameterGroup.Kind.MATRIX),
                new ParameterGroup("triplane", mlpCount, grid.paramCount(), ParameterGroup.Kind.GRID,
                        (float) config.gridLearningRateFactor()));
    }

    @Override
    public Network.Workspace newWorkspace(int capacity) {
        return new CamWorkspace(this, Check.nonNegative("capacity", capacity));
    }

    static int taskSize(int n) {
        int perTask = (n + MAX_TASKS - 1) / MAX_TASKS;
        return Math.max(4, (perTask + B - 1) / B) * B;
    }

    private CamWorkspace prepare(Network.Workspace ws, int n, boolean keep) {
        if (!(ws instanceof CamWorkspace w) || w.net != this) {
            throw new IllegalArgumentException("workspace was not created by this network");
        }
        w.ensure(keep ? n : 0, Parallel.chunkCount(Math.max(n, 1), taskSize(n)));
        return w;
    }

    private static void checkBatch(String name, float[] a, int n, int dims) {
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
            inference = new CamWorkspace(this, 0);
        }
        CamWorkspace w = prepare(inference, n, false);
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            for (int b = start; b < end; b += B) {
                CamBlock.forward(this, w.tasks[task], in, b, Math.min(B, end - b), null, out);
            }
        });
    }

    @Override
    public void forwardTrain(float[] in, int n, Network.Workspace ws, float[] out) {
        checkBatch("in", in, n, inputDims);
        checkBatch("out", out, n, outputDims);
        CamWorkspace w = prepare(ws, n, true);
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            for (int b = start; b < end; b += B) {
                CamBlock.forward(this, w.tasks[task], in, b, Math.min(B, end - b), w, out);
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
        runBackward(in, n, prepare(ws, n, true), dOut, null, dParams, dIn);
    }

    @Override
    public void inputGradient(float[] in, int n, Network.Workspace ws, float[] outputWeights, float[] grad) {
        checkBatch("outputWeights", outputWeights, 1, outputDims);
        checkBatch("grad", grad, n, inputDims);
        runBackward(in, n, prepare(ws, n, true), null, outputWeights, null, grad);
    }

    private void runBackward(float[] in, int n, CamWorkspace w, float[] dOut, float[] c, float[] dParams,
                             float[] dIn) {
        checkBatch("in", in, n, inputDims);
        boolean accumulate = dParams != null;
        Parallel.forChunks(n, taskSize(n), (task, start, end) -> {
            CamWorkspace.Scratch sc = w.tasks[task];
            if (accumulate) {
                Arrays.fill(sc.grad, 0f);
            }
            for (int b = start; b < end; b += B) {
                CamBlock.backward(this, sc, in, b, Math.min(B, end - b), w, dOut, c, accumulate, dIn);
            }
        });
        if (accumulate) {
            int tasks = Parallel.chunkCount(n, taskSize(n));
            Parallel.forChunks(mlpCount, 4096, (chunk, start, end) -> {
                for (int j = start; j < end; j++) {
                    float acc = 0f;
                    for (int t = 0; t < tasks; t++) {
                        acc += w.tasks[t].grad[j];
                    }
                    dParams[j] += acc;
                }
            });
            grid.scatter(params, n, w.cell, w.frac, w.dv, dParams);
        }
    }

    /**
     * Not provided: the second-order terms through the instance normalisation and the tri-plane product are not
     * implemented, so an eikonal loss cannot train this network ({@code NeuralFieldConfig} refuses the combination).
     */
    @Override
    public void backwardInputGradient(float[] in, int n, Network.Workspace ws, float[] outputWeights, float[] dGrad,
                                      float[] dOut, float[] dParams, float[] dIn) {
        throw new UnsupportedOperationException("CamMLP has no second-order (eikonal) pass; train it with"
                + " eikonal_weight 0, or use FullyFusedMLP for an eikonal term");
    }
}
