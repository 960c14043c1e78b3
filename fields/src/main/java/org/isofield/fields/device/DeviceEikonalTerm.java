package org.isofield.fields.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.encodings.device.DeviceEncoding;

/**
 * The eikonal part of a {@link DeviceTrainer} step, the twin of {@code EikonalTerm}: {@code lambda mean (|grad f| -
 * 1)^2} over {@code k} samples spread evenly over the batch, with its gradient added to both parameter gradients
 * through the encoding's JVP and second-order table term and the network's second-order pass.
 */
final class DeviceEikonalTerm implements AutoCloseable {
    private static final float[] ONE = {1f};

    private final ComputeDevice device;
    private final DeviceNeuralField field;
    private final DeviceLoss loss;
    private final double weight;
    private final double fraction;
    private int size = -1;
    private DeviceMlp.Workspace workspace;
    private DeviceArray pos;
    private DeviceArray enc;
    private DeviceArray pred;
    private DeviceArray netGrad;
    private DeviceArray spaceGrad;
    private DeviceArray v;
    private DeviceArray u;
    private DeviceArray dIn;

    DeviceEikonalTerm(ComputeDevice device, DeviceNeuralField field, DeviceLoss loss, double weight, double fraction) {
        this.device = device;
        this.field = field;
        this.loss = loss;
        this.weight = weight;
        this.fraction = fraction;
    }

    /** Samples of a batch of {@code n} the term uses, as the twin counts them. */
    int sampleCount(int n) {
        return (int) Math.max(1, Math.min(n, Math.round(fraction * n)));
    }

    double accumulate(DeviceArray xyz, DeviceArray encoded, int n, DeviceArray encodingGrad, DeviceArray networkGrad) {
        int k = sampleCount(n);
        DeviceEncoding encoding = field.encoding();
        DeviceMlp network = field.network();
        int dims = encoding.outputDims();
        ensure(k, dims);
        loss.gatherSpread(xyz, n, 3, true, pos, k);
        loss.gatherSpread(encoded, n, dims, false, enc, k);
        network.forwardTrain(enc, k, workspace, pred);
        network.inputGradient(enc, k, workspace, ONE, netGrad);
        encoding.inputGradient(pos, k, netGrad, spaceGrad);
        double value = loss.eikonal(spaceGrad, k, weight, v);
        if (!Double.isFinite(value)) {
            return value;
        }
        encoding.jacobianVectorProduct(pos, k, v, u);
        encoding.backwardInputGradient(pos, k, netGrad, v, encodingGrad);
        network.backwardInputGradient(enc, k, workspace, ONE, u, null, networkGrad, dIn);
        encoding.backward(pos, k, dIn, encodingGrad);
        return value;
    }

    private void ensure(int k, int dims) {
        if (k == size) {
            return;
        }
        close();
        workspace = field.network().newWorkspace(k);
        pos = device.allocateFloats(3L * k, "eikonal.positions");
        enc = device.allocateFloats((long) k * dims, "eikonal.encoded");
        pred = device.allocateFloats(k, "eikonal.prediction");
        netGrad = device.allocateFloats((long) k * dims, "eikonal.net_grad");
        spaceGrad = device.allocateFloats(3L * k, "eikonal.space_grad");
        v = device.allocateFloats(3L * k, "eikonal.v");
        u = device.allocateFloats((long) k * dims, "eikonal.u");
        dIn = device.allocateFloats((long) k * dims, "eikonal.d_in");
        size = k;
    }

    @Override
    public void close() {
        for (DeviceArray a : new DeviceArray[] {pos, enc, pred, netGrad, spaceGrad, v, u, dIn}) {
            if (a != null) {
                a.close();
            }
        }
        if (workspace != null) {
            workspace.close();
        }
        size = -1;
    }
}
