package org.isofield.fields.device;

import java.util.Map;
import java.util.Set;
import org.isofield.core.ConfigException;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Precision;
import org.isofield.core.compute.Program;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.shaders.compute.ComputeModules;

/**
 * tiny-cuda-nn's FullyFusedMLP on a device, fp32: kernels {@code mlp_forward}, {@code mlp_backward},
 * {@code mlp_backward_second}, {@code mlp_outer} and {@code mlp_outer_reduce} of {@code mlp.c}, one variant per width.
 * The twin is {@link MlpNetwork} (same parameter layout; {@link #upload}/{@link #download} copy it). Batches are
 * feature-major with stride {@code n}. Parameter gradients are sums of outer products over the batch in fixed chunks
 * of samples, added in chunk order: deterministic, with no atomics.
 *
 * <p>With {@link Precision#FP16} (CUDA only) the forward passes run on tensor cores ({@code mlp_forward_fp16} of
 * {@code mlp_fp16.cu}: half inputs to each product, fp32 accumulation, fp32 master weights rounded to a half copy
 * before
 * each pass), and so do the weight gradients ({@code mlp_outer_fp16}: the chunked outer products with half factors,
 * fp32 sums, the same chunk order); the per-sample backward passes (deltas, input gradients, the second-order pass)
 * stay fp32, on the fp32 pre-activations the forward keeps.
 */
public final class DeviceMlp implements AutoCloseable {
    static final int BLOCK = 128;
    private static final int TILE = 64;
    private static final int MAX_CHUNKS = 128;

    private final MlpNetwork twin;
    private final ComputeDevice device;
    private final Program program;
    private final DeviceArray params;
    private final int din;
    private final int ip;
    private final int dout;
    private final int width;
    private final int layers;
    private final int act;
    private final int outAct;
    private final Precision precision;
    private final Program fp16;
    private final DeviceArray halfParams;

    /** Widths the tensor-core forward is built for. */
    public static final Set<Integer> FP16_WIDTHS = Set.of(16, 32, 64, 128);

    public DeviceMlp(ComputeDevice device, MlpNetwork twin) {
        this(device, twin, Precision.FP32);
    }

    /**
     * @throws ConfigException for fp16 off CUDA, at a width it is not built for, or with more padded inputs than its
     *     shared-memory tile holds
     */
    public DeviceMlp(ComputeDevice device, MlpNetwork twin, Precision precision) {
        this.twin = twin;
        this.device = device;
        this.din = twin.inputDims();
        this.ip = twin.paddedInputDims();
        this.dout = twin.outputDims();
        this.width = twin.width();
        this.layers = twin.hiddenLayers();
        this.act = twin.config().activation().ordinal();
        this.outAct = twin.config().outputActivation().ordinal();
        this.program = device.program(ComputeModules.get("mlp", Map.of("WIDTH", width)));
        this.params = device.allocateFloats(twin.paramCount(), "network.params");
        this.precision = precision;
        if (precision == Precision.FP16) {
            requireFp16(device.info().backend(), width, ip);
            this.fp16 = device.program(ComputeModules.get("mlp_fp16", Map.of("WIDTH", width)));
            this.halfParams = device.allocateFloats((twin.paramCount() + 1) / 2, "network.params_fp16");
        } else {
            this.fp16 = null;
            this.halfParams = null;
        }
        upload();
    }

    /** Checks that the tensor-core forward can run this network. */
    public static void requireFp16(Backend backend, int width, int paddedInputs) {
        if (backend != Backend.CUDA) {
            throw new ConfigException("precision", "fp16 runs on CUDA tensor cores; the backend is " + backend
                    + " (expected precision fp32 there)");
        }
        if (!FP16_WIDTHS.contains(width)) {
            throw new ConfigException("network.n_neurons", "value " + width + " with precision fp16; expected 16, 32,"
                    + " 64 or 128 (the tensor-core MLP's widths) or precision fp32");
        }
        int cols = Math.max(width, 64);
        if (paddedInputs > cols) {
            throw new ConfigException("precision", "fp16 with " + paddedInputs + " padded network inputs; the"
                    + " tensor-core tile holds " + cols + " at width " + width + " (fewer encoding outputs, or fp32)");
        }
    }

    /** The precision of the forward passes. */
    public Precision precision() {
        return precision;
    }

    public MlpNetwork twin() {
        return twin;
    }

    public DeviceArray params() {
        return params;
    }

    public int paramCount() {
        return twin.paramCount();
    }

    public void upload() {
        params.upload(twin.params());
    }

    public void download() {
        params.download(0, twin.params(), 0, twin.paramCount());
    }

    /** Samples per chunk of the weight-gradient sums for a batch of {@code n}: about 128 chunks. */
    static int chunk(int n) {
        int c = (n + MAX_CHUNKS - 1) / MAX_CHUNKS;
        return Math.max(256, (c + 15) / 16 * 16);
    }

    /** Device bytes of a workspace for {@code capacity} samples (first order; second order adds about twice). */
    public long workspaceBytes(int capacity, boolean secondOrder) {
        long perLayer = (long) width * capacity;
        long floats = 2 * (layers * perLayer + (long) dout * capacity) + partialFloats(capacity);
        if (secondOrder) {
            floats += 3 * layers * perLayer + 2L * dout * capacity + 2 * perLayer;
        }
        return 4 * floats;
    }

    private long partialFloats(int capacity) {
        int chunks = (Math.max(1, capacity) + chunk(capacity) - 1) / chunk(capacity);
        return (long) chunks * width * Math.max(ip, width);
    }

    /** Device memory of the training passes for up to {@link #capacity()} samples. */
    public final class Workspace implements AutoCloseable {
        private final int capacity;
        final DeviceArray z;
        final DeviceArray zo;
        final DeviceArray dz;
        final DeviceArray dzo;
        final DeviceArray partial;
        final DeviceArray constant;
        private DeviceArray zDot;
        private DeviceArray zDotBar;
        private DeviceArray zBar;
        private DeviceArray dOutDot;
        private DeviceArray zoBar;
        private DeviceArray tmpBar;
        private DeviceArray tmpDot;

        Workspace(int capacity) {
            this.capacity = capacity;
            long perLayer = (long) width * capacity;
            z = device.allocateFloats(layers * perLayer, "network.z");
            zo = device.allocateFloats((long) dout * capacity, "network.zo");
            dz = device.allocateFloats(layers * perLayer, "network.dz");
            dzo = device.allocateFloats((long) dout * capacity, "network.dzo");
            partial = device.allocateFloats(partialFloats(capacity), "network.partial");
            constant = device.allocateFloats(dout, "network.output_weights");
        }

        public int capacity() {
            return capacity;
        }

        void ensureSecondOrder() {
            if (zDot == null) {
                long perLayer = (long) width * capacity;
                zDot = device.allocateFloats(layers * perLayer, "network.z_dot");
                zDotBar = device.allocateFloats(layers * perLayer, "network.z_dot_bar");
                zBar = device.allocateFloats(layers * perLayer, "network.z_bar");
                dOutDot = device.allocateFloats((long) dout * capacity, "network.d_out_dot");
                zoBar = device.allocateFloats((long) dout * capacity, "network.zo_bar");
                tmpBar = device.allocateFloats(perLayer, "network.tmp_bar");
                tmpDot = device.allocateFloats(perLayer, "network.tmp_dot");
            }
        }

        @Override
        public void close() {
            for (DeviceArray a : new DeviceArray[] {z, zo, dz, dzo, partial, constant, zDot, zDotBar, zBar, dOutDot,
                zoBar, tmpBar, tmpDot}) {
                if (a != null) {
                    a.close();
                }
            }
        }
    }

    /** A workspace for batches of up to {@code capacity} samples. */
    public Workspace newWorkspace(int capacity) {
        return new Workspace(Math.max(1, capacity));
    }

    private void fits(Workspace ws, int n) {
        if (n > ws.capacity) {
            throw new IllegalArgumentException("batch of " + n + " samples exceeds the workspace's " + ws.capacity);
        }
    }

    private KernelArgs shape(int n) {
        return KernelArgs.of().i32("n", n).i32("din", din).i32("ip", ip).i32("dout", dout).i32("layers", layers)
                .i32("act", act).i32("outAct", outAct).array("params", params);
    }

    /** Inference: {@code out = f(in)}, {@code dout x n}. {@code scratch} is any array of one float (unused). */
    public void forward(DeviceArray in, int n, DeviceArray out, DeviceArray scratch) {
        if (n == 0) {
            return;
        }
        if (fp16 != null) {
            forwardFp16(in, n, out, 0, scratch, scratch);
            return;
        }
        program.kernel("mlp_forward").launch(Launch.over(n, BLOCK), shape(n).array("x", in).array("y", out)
                .i32("keep", 0).array("z", scratch).array("zo", scratch));
    }

    /** Training forward: as {@link #forward}, keeping the pre-activations in {@code ws}. */
    public void forwardTrain(DeviceArray in, int n, Workspace ws, DeviceArray out) {
        fits(ws, n);
        if (n == 0) {
            return;
        }
        if (fp16 != null) {
            forwardFp16(in, n, out, 1, ws.z, ws.zo);
            return;
        }
        program.kernel("mlp_forward").launch(Launch.over(n, BLOCK), shape(n).array("x", in).array("y", out)
                .i32("keep", 1).array("z", ws.z).array("zo", ws.zo));
    }

    /** The tensor-core forward: the half copy of the weights, then one block of WIDTH/16 warps per tile of samples. */
    private void forwardFp16(DeviceArray in, int n, DeviceArray out, int keep, DeviceArray z, DeviceArray zo) {
        int count = twin.paramCount();
        fp16.kernel("mlp_fp16_weights").launch(Launch.over(count, 256), KernelArgs.of().i32("count", count)
                .array("params", params).array("out", halfParams));
        int samples = width > 64 ? 64 : 128;
        int blocks = (n + samples - 1) / samples;
        fp16.kernel("mlp_forward_fp16").launch(new Launch(blocks, 1, width / 16 * 32), shape(n).array("wh", halfParams)
                .array("x", in).array("y", out).i32("keep", keep).array("z", z).array("zo", zo));
    }

    /** First-order backward after {@link #forwardTrain}: adds {@code dL/dparams} to {@code dParams}; writes
     * {@code dIn} ({@code din x n}) unless null. */
    public void backward(DeviceArray in, int n, Workspace ws, DeviceArray dOut, DeviceArray dParams, DeviceArray dIn) {
        fits(ws, n);
        if (n == 0) {
            return;
        }
        program.kernel("mlp_backward").launch(Launch.over(n, BLOCK), shape(n).array("z", ws.z).array("zo", ws.zo)
                .i32("constant", 0).array("dOut", dOut).i32("keepDeltas", 1).array("dz", ws.dz).array("dzo", ws.dzo)
                .i32("writeIn", dIn == null ? 0 : 1).array("dIn", dIn == null ? ws.dz : dIn));
        long perLayer = (long) width * n;
        outer(n, ws, dout, width, ws.dzo, 0, 1, ws.z, (layers - 1) * perLayer, ws.z, (layers - 1) * perLayer, 0, 0f,
                dParams, twin.matrixOffset(layers));
        for (int k = layers - 1; k >= 1; k--) {
            outer(n, ws, width, width, ws.dz, k * perLayer, 1, ws.z, (k - 1) * perLayer, ws.z, (k - 1) * perLayer, 0,
                    0f,
                    dParams, twin.matrixOffset(k));
        }
        outer(n, ws, width, ip, ws.dz, 0, 0, in, 0, in, 0, din, 1f, dParams, 0);
    }

    /** {@code grad = d(sum_o c_o y_o)/d in} ({@code din x n}) after {@link #forwardTrain}. */
    public void inputGradient(DeviceArray in, int n, Workspace ws, float[] outputWeights, DeviceArray grad) {
        fits(ws, n);
        if (n == 0) {
            return;
        }
        ws.constant.upload(outputWeights, 0, 0, dout);
        program.kernel("mlp_backward").launch(Launch.over(n, BLOCK), shape(n).array("z", ws.z).array("zo", ws.zo)
                .i32("constant", 1).array("dOut", ws.constant).i32("keepDeltas", 0).array("dz", ws.dz)
                .array("dzo", ws.dzo).i32("writeIn", 1).array("dIn", grad));
    }

    /**
     * Second-order backward ({@link MlpNetwork#backwardInputGradient}): given {@code u = dL/dg} ({@code din x n}) and
     * the optional first-order {@code dOut}, adds {@code u . dg/dparams + dOut . dy/dparams} to {@code dParams} and
     * writes {@code dIn}. Needs {@link #forwardTrain} on the same input first.
     */
    public void backwardInputGradient(DeviceArray in, int n, Workspace ws, float[] outputWeights, DeviceArray u,
                                      DeviceArray dOut, DeviceArray dParams, DeviceArray dIn) {
        fits(ws, n);
        if (n == 0) {
            return;
        }
        ws.ensureSecondOrder();
        ws.constant.upload(outputWeights, 0, 0, dout);
        program.kernel("mlp_backward_second").launch(Launch.over(n, BLOCK), shape(n).array("z", ws.z)
                .array("zo", ws.zo).array("c", ws.constant).array("u", u).i32("hasDOut", dOut == null ? 0 : 1)
                .array("dOut", dOut == null ? ws.zo : dOut).array("zDot", ws.zDot).array("zDotBar", ws.zDotBar)
                .array("zBar", ws.zBar).array("dOutDot", ws.dOutDot).array("zoBar", ws.zoBar)
                .array("tmpBar", ws.tmpBar).array("tmpDot", ws.tmpDot).array("dIn", dIn));
        long perLayer = (long) width * n;
        long last = (layers - 1) * perLayer;
        int wl = twin.matrixOffset(layers);
        outer(n, ws, dout, width, ws.dOutDot, 0, 2, ws.zDot, last, ws.z, last, 0, 0f, dParams, wl);
        outer(n, ws, dout, width, ws.zoBar, 0, 1, ws.z, last, ws.z, last, 0, 0f, dParams, wl);
        for (int k = layers - 1; k >= 1; k--) {
            long at = (k - 1) * perLayer;
            outer(n, ws, width, width, ws.zDotBar, k * perLayer, 2, ws.zDot, at, ws.z, at, 0, 0f, dParams,
                    twin.matrixOffset(k));
            outer(n, ws, width, width, ws.zBar, k * perLayer, 1, ws.z, at, ws.z, at, 0, 0f, dParams,
                    twin.matrixOffset(k));
        }
        outer(n, ws, width, ip, ws.zDotBar, 0, 0, u, 0, u, 0, din, 0f, dParams, 0);
        outer(n, ws, width, ip, ws.zBar, 0, 0, in, 0, in, 0, din, 1f, dParams, 0);
    }

    /** {@code dParams[offset + r cols + c] += sum_s A[r][s] B[c][s]}, in fixed chunks summed in order. */
    private void outer(int n, Workspace ws, int rows, int cols, DeviceArray a, long aOff, int mode, DeviceArray b,
                       long bOff, DeviceArray bz, long bzOff, int valid, float pad, DeviceArray dParams, int offset) {
        int chunk = chunk(n);
        int chunks = (n + chunk - 1) / chunk;
        int tiles = ((rows + TILE - 1) / TILE) * ((cols + TILE - 1) / TILE);
        Program outerProgram = fp16 != null ? fp16 : program;
        outerProgram.kernel(fp16 != null ? "mlp_outer_fp16" : "mlp_outer").launch(new Launch(chunks, tiles, 256),
                KernelArgs.of().i32("n", n)
                .i32("chunk", chunk).i32("rows", rows).i32("cols", cols).array("a", a).i32("aOff", aOff)
                .i32("mode", mode).i32("act", act).array("b", b).i32("bOff", bOff).array("bz", bz).i32("bzOff", bzOff)
                .i32("valid", valid).f32("pad", pad).array("partial", ws.partial));
        int count = rows * cols;
        program.kernel("mlp_outer_reduce").launch(Launch.over(count, 256), KernelArgs.of().i32("count", count)
                .i32("chunks", chunks).array("partial", ws.partial).array("grad", dParams).i32("offset", offset));
    }

    @Override
    public void close() {
        params.close();
        if (halfParams != null) {
            halfParams.close();
        }
    }
}
