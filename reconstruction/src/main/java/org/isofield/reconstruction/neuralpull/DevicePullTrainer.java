package org.isofield.reconstruction.neuralpull;

import java.util.List;
import org.isofield.core.NumericalException;
import org.isofield.core.ProgressMeter;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.isofield.encodings.device.DeviceEncoding;
import org.isofield.fields.device.DeviceLoss;
import org.isofield.fields.device.DeviceMlp;
import org.isofield.fields.device.DeviceNeuralField;
import org.isofield.fields.device.DeviceOptimizer;
import org.isofield.fields.device.DeviceOptimizers;
import org.isofield.fields.optim.ParameterGroup;
import org.isofield.fields.train.NeuralField;
import org.isofield.shaders.compute.ComputeModules;

/**
 * {@link PullTrainer} with {@link PullLoss} on a device: the query pool uploaded once and its batches gathered in the
 * pool's shuffled order (kernel {@code pull_gather}), the field value and spatial gradient, the pull loss
 * ({@code pull_loss}), the optional eikonal and surface terms, the full second-order backward through the network and
 * the encoding, and both optimizer steps, all as kernels; only the loss sums come back, once a step.
 */
final class DevicePullTrainer implements AutoCloseable {
    private static final float[] ONE = {1f};
    private static final int BLOCK = 256;

    private final DeviceNeuralField field;
    private final ComputeDevice device;
    private final Program program;
    private final DeviceLoss loss;
    private final int batch;
    private final double eikonalWeight;
    private final double surfaceWeight;
    private final DeviceOptimizer encodingOptimizer;
    private final DeviceOptimizer networkOptimizer;
    private final DeviceArray encodingGrad;
    private final DeviceArray networkGrad;
    private final DeviceMlp.Workspace workspace;
    private final DeviceMlp.Workspace surfaceWorkspace;
    private final DeviceArray[] scratch;
    private final DeviceArray q;
    private final DeviceArray t;
    private final DeviceArray enc;
    private final DeviceArray value;
    private final DeviceArray netGrad;
    private final DeviceArray grad;
    private final DeviceArray dValue;
    private final DeviceArray v;
    private final DeviceArray vEikonal;
    private final DeviceArray u;
    private final DeviceArray dIn;
    private final DeviceArray partial;
    private DeviceArray poolQueries;
    private DeviceArray poolTargets;
    private DeviceArray poolOrder;
    private int poolSize;
    private int next;
    private float[] sums = new float[0];

    DevicePullTrainer(DeviceNeuralField field, NeuralPullConfig config) {
        this.field = field;
        this.device = field.device();
        this.program = device.program(ComputeModules.get("pull"));
        this.loss = new DeviceLoss(device, null);
        this.batch = config.batchSize();
        this.eikonalWeight = config.eikonalWeight();
        this.surfaceWeight = config.surfaceWeight();
        NeuralField twin = field.twin();
        int pe = twin.encoding().paramCount();
        int pn = twin.network().paramCount();
        this.encodingOptimizer = DeviceOptimizers.create(device, config.optimizer(),
                List.of(ParameterGroup.of("encoding", 0, pe, ParameterGroup.Kind.GRID)), pe);
        this.networkOptimizer = DeviceOptimizers.create(device, config.optimizer(), twin.network().parameterGroups(),
                pn);
        this.encodingGrad = device.allocateFloats(Math.max(1, pe), "encoding.grad");
        this.networkGrad = device.allocateFloats(pn, "network.grad");
        int d = field.encoding().outputDims();
        int n = batch;
        this.workspace = field.network().newWorkspace(n);
        this.surfaceWorkspace = surfaceWeight > 0 ? field.network().newWorkspace(n) : null;
        this.scratch = new DeviceArray[] {
            q = device.allocateFloats(3L * n, "pull.queries"),
            t = device.allocateFloats(3L * n, "pull.targets"),
            enc = device.allocateFloats((long) d * n, "pull.encoded"),
            value = device.allocateFloats(n, "pull.value"),
            netGrad = device.allocateFloats((long) d * n, "pull.net_grad"),
            grad = device.allocateFloats(3L * n, "pull.grad"),
            dValue = device.allocateFloats(n, "pull.d_value"),
            v = device.allocateFloats(3L * n, "pull.v"),
            vEikonal = device.allocateFloats(3L * n, "pull.v_eikonal"),
            u = device.allocateFloats((long) d * n, "pull.u"),
            dIn = device.allocateFloats((long) d * n, "pull.d_in"),
            partial = device.allocateFloats((n + BLOCK - 1) / BLOCK + 1, "pull.partial")};
    }

    /** Uploads the query pool: queries, targets and the shuffled order of {@link PullQueries}. */
    void upload(PullQueries pool) {
        poolSize = pool.size();
        poolQueries = device.upload(pool.queries(), "pull.pool_queries");
        poolTargets = device.upload(pool.targets(), "pull.pool_targets");
        poolOrder = device.upload(pool.order(), "pull.pool_order");
        next = 0;
    }

    PullTrainer.Losses train(int steps, ProgressMeter meter) {
        PullTrainer.Losses last = new PullTrainer.Losses(Double.NaN, Double.NaN);
        for (int s = 0; s < steps; s++) {
            program.kernel("pull_gather").launch(Launch.over(batch, BLOCK), KernelArgs.of().i32("n", batch)
                    .i32("start", next).i32("size", poolSize).array("order", poolOrder).array("queries", poolQueries)
                    .array("targets", poolTargets).array("q", q).array("t", t));
            next = (int) ((next + (long) batch) % poolSize);
            encodingGrad.zero();
            networkGrad.zero();
            double[] l = step();
            if (!Double.isFinite(l[0])) {
                throw new NumericalException(PullTrainer.PHASE, s, "pull loss became " + l[0] + " on "
                        + device.info().backend() + "; " + (s == 0 ? "no finite loss before" : "last finite loss "
                        + last.total() + " at step " + (s - 1))
                        + "; expected a finite loss (try a lower learning rate)");
            }
            encodingOptimizer.step(field.encoding().params(), encodingGrad);
            networkOptimizer.step(field.network().params(), networkGrad);
            last = new PullTrainer.Losses(l[0], l[1]);
            meter.step();
        }
        return last;
    }

    /** The loss of the gathered batch; its gradient added into the gradient arrays. */
    private double[] step() {
        DeviceEncoding encoding = field.encoding();
        DeviceMlp network = field.network();
        int n = batch;
        encoding.encode(q, n, enc);
        network.forwardTrain(enc, n, workspace, value);
        network.inputGradient(enc, n, workspace, ONE, netGrad);
        encoding.inputGradient(q, n, netGrad, grad);
        int blocks = (n + BLOCK - 1) / BLOCK;
        program.kernel("pull_loss").launch(Launch.over(n, BLOCK), KernelArgs.of().i32("n", n).array("q", q)
                .array("t", t).array("value", value).array("grad", grad).array("dValue", dValue).array("v", v)
                .array("partial", partial));
        double pull = sum(blocks) / n;
        double total = pull;
        if (eikonalWeight > 0) {
            total += loss.eikonal(grad, n, eikonalWeight, vEikonal);
            loss.axpy(3 * n, 1f, vEikonal, v);
        }
        encoding.jacobianVectorProduct(q, n, v, u);
        encoding.backwardInputGradient(q, n, netGrad, v, encodingGrad);
        network.backwardInputGradient(enc, n, workspace, ONE, u, dValue, networkGrad, dIn);
        encoding.backward(q, n, dIn, encodingGrad);
        if (surfaceWeight > 0) {
            encoding.encode(t, n, enc);
            network.forwardTrain(enc, n, surfaceWorkspace, value);
            program.kernel("pull_surface").launch(Launch.over(n, BLOCK), KernelArgs.of().i32("n", n)
                    .f32("weight", (float) surfaceWeight).array("f", value).array("tdValue", dValue)
                    .array("partial", partial));
            total += surfaceWeight * sum(blocks) / n;
            network.backward(enc, n, surfaceWorkspace, dValue, networkGrad, dIn);
            encoding.backward(t, n, dIn, encodingGrad);
        }
        return new double[] {total, pull};
    }

    private double sum(int blocks) {
        if (sums.length < blocks) {
            sums = new float[blocks];
        }
        partial.download(0, sums, 0, blocks);
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            s += sums[b];
        }
        return s;
    }

    /** A host copy of the field with its training parameters (the parity tests compare these). */
    NeuralField trainingField() {
        return field.hostCopy(field.encoding().params(), field.network().params());
    }

    /** A host copy of the field with the optimizers' inference parameters. */
    NeuralField inferenceField() {
        return field.hostCopy(encodingOptimizer.inferenceParams(field.encoding().params()),
                networkOptimizer.inferenceParams(field.network().params()));
    }

    @Override
    public void close() {
        for (DeviceArray a : scratch) {
            a.close();
        }
        for (DeviceArray a : new DeviceArray[] {poolQueries, poolTargets, poolOrder, encodingGrad, networkGrad}) {
            if (a != null) {
                a.close();
            }
        }
        workspace.close();
        if (surfaceWorkspace != null) {
            surfaceWorkspace.close();
        }
        encodingOptimizer.close();
        networkOptimizer.close();
        loss.close();
    }
}
