package org.isofield.fields.device;

import java.util.Arrays;
import java.util.Map;
import org.isofield.core.ConfigException;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.DeviceMemoryException;
import org.isofield.core.compute.Precision;
import org.isofield.encodings.device.DeviceEncoding;
import org.isofield.encodings.device.DeviceEncodings;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;

/**
 * A {@link NeuralField} on a device: its encoding ({@link DeviceEncoding}) and network ({@link DeviceMlp}) with their
 * parameters uploaded, and batched evaluation of values and spatial gradients in chunks that fit device memory
 * (the grid of values that marching cubes reads, vertex normals). The twin holds the host copy of the parameters.
 */
public final class DeviceNeuralField implements AutoCloseable {
    /** Points per evaluation chunk. */
    public static final int CHUNK = 1 << 18;
    private static final float[] ONE = {1f};

    private final ComputeDevice device;
    private final NeuralField twin;
    private final DeviceEncoding encoding;
    private final DeviceMlp network;
    private DeviceArray xyz;
    private DeviceArray encoded;
    private DeviceArray values;
    private DeviceArray netGrad;
    private DeviceArray grad;
    private DeviceMlp.Workspace workspace;
    private int chunk;

    /**
     * Uploads {@code field}.
     *
     * @throws ConfigException when its encoding or network has no device kernels
     * @throws DeviceMemoryException when its parameters do not fit
     */
    public DeviceNeuralField(ComputeDevice device, NeuralField field) {
        this(device, field, field.config().precision());
    }

    /**
     * Uploads {@code field}, its network's forward passes in {@code precision} (fp16: CUDA tensor cores).
     *
     * @throws ConfigException when its encoding or network has no device kernels, or fp16 cannot run it
     * @throws DeviceMemoryException when its parameters do not fit
     */
    public DeviceNeuralField(ComputeDevice device, NeuralField field, Precision precision) {
        requireSupported(field.config());
        this.device = device;
        this.twin = field;
        device.requireMemory(4 * field.paramCount(), "the field's " + field.paramCount() + " parameters",
                "use a smaller encoding (log2_hashmap_size, n_levels) or backend cpu");
        this.encoding = DeviceEncodings.create(device, field.encoding(), field.config().encoding().otype());
        this.network = new DeviceMlp(device, (MlpNetwork) field.network(), precision);
    }

    /**
     * Refuses a config without device kernels: networks other than FullyFusedMLP, encodings other than the grids.
     *
     * @throws ConfigException naming the key
     */
    public static void requireSupported(NeuralFieldConfig config) {
        if (!supported(config)) {
            boolean net = !"FullyFusedMLP".equals(config.network().otype());
            String otype = net ? config.network().otype() : config.encoding().otype();
            throw new ConfigException(net ? "network.otype" : "encoding.otype", (net ? "network " : "encoding ")
                    + otype + " has no device kernels; expected " + (net ? "FullyFusedMLP" : "HashGrid, DenseGrid or"
                    + " SimplexGrid") + " on a device, or backend cpu");
        }
    }

    /** Whether a config's encoding and network have device kernels. */
    public static boolean supported(NeuralFieldConfig config) {
        String e = config.encoding().otype();
        return "FullyFusedMLP".equals(config.network().otype())
                && ("HashGrid".equals(e) || "DenseGrid".equals(e) || "SimplexGrid".equals(e));
    }

    public ComputeDevice device() {
        return device;
    }

    public NeuralField twin() {
        return twin;
    }

    public DeviceEncoding encoding() {
        return encoding;
    }

    public DeviceMlp network() {
        return network;
    }

    /** Copies the twin's parameters to the device. */
    public void upload() {
        encoding.upload();
        network.upload();
    }

    /**
     * A new host field of the twin's config with the given device parameter blocks (training parameters, or an
     * optimizer's inference copy); the arrays may be longer than the blocks.
     */
    public NeuralField hostCopy(DeviceArray encodingParams, DeviceArray networkParams) {
        float[] e = Arrays.copyOf(encodingParams.toFloatArray(), twin.encoding().paramCount());
        float[] w = Arrays.copyOf(networkParams.toFloatArray(), twin.network().paramCount());
        return NeuralField.of(twin.config(), Map.of(NeuralField.ENCODING_BLOCK, e, NeuralField.NETWORK_BLOCK, w));
    }

    /** Copies the device parameters into the twin. */
    public void download() {
        encoding.download();
        network.download();
    }

    private void ensure(int n, boolean gradients) {
        if (n > chunk) {
            closeScratch();
            chunk = n;
            int d = encoding.outputDims();
            xyz = device.allocateFloats(3L * n, "evaluate.xyz");
            encoded = device.allocateFloats((long) d * n, "evaluate.encoded");
            values = device.allocateFloats(n, "evaluate.values");
        }
        if (gradients && workspace == null) {
            int d = encoding.outputDims();
            workspace = network.newWorkspace(chunk);
            netGrad = device.allocateFloats((long) d * chunk, "evaluate.net_grad");
            grad = device.allocateFloats(3L * chunk, "evaluate.grad");
        }
    }

    /** The field at {@code n} unit-cube points ({@code xyz} x y z per point) into {@code out}. */
    public void evaluate(float[] xyz, int n, float[] out) {
        int c = Math.min(Math.max(n, 1), CHUNK);
        ensure(c, false);
        for (int start = 0; start < n; start += c) {
            int m = Math.min(c, n - start);
            this.xyz.upload(xyz, 3 * start, 0, 3 * m);
            encoding.encode(this.xyz, m, encoded);
            network.forward(encoded, m, values, values);
            values.download(0, out, start, m);
        }
    }

    /** The field's spatial gradient at {@code n} unit-cube points into {@code out} ({@code 3n}, point-major). */
    public void gradients(float[] xyz, int n, float[] out) {
        int c = Math.min(Math.max(n, 1), CHUNK);
        ensure(c, true);
        for (int start = 0; start < n; start += c) {
            int m = Math.min(c, n - start);
            this.xyz.upload(xyz, 3 * start, 0, 3 * m);
            encoding.encode(this.xyz, m, encoded);
            network.forwardTrain(encoded, m, workspace, values);
            network.inputGradient(encoded, m, workspace, ONE, netGrad);
            encoding.inputGradient(this.xyz, m, netGrad, grad);
            grad.download(0, out, 3 * start, 3 * m);
        }
    }

    private void closeScratch() {
        for (DeviceArray a : new DeviceArray[] {xyz, encoded, values, netGrad, grad}) {
            if (a != null) {
                a.close();
            }
        }
        if (workspace != null) {
            workspace.close();
        }
        xyz = encoded = values = netGrad = grad = null;
        workspace = null;
        chunk = 0;
    }

    @Override
    public void close() {
        closeScratch();
        encoding.close();
        network.close();
    }
}
