package org.isofield.fields.device;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.DeviceMemoryException;
import org.isofield.encodings.device.DeviceEncoding;
import org.isofield.fields.loss.LossConfig;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.optim.OptimizerState;
import org.isofield.fields.optim.ParameterGroup;
import org.isofield.fields.train.FieldTrainer;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;
import org.isofield.fields.train.TrainingResult;

/**
 * {@link Trainer} on a device: the whole step (encode, network forward, loss, network backward, table backward, the
 * optional eikonal term, both optimizer steps) runs as kernels over device arrays; only the loss value (one float per
 * block of 256 samples) comes back each step, for the NaN check. Same config, same order of operations and the same
 * checkpoint blocks as the twin. Memory for the parameters, gradients, optimizer state and the batch's arrays is
 * checked against the device before anything is allocated. Not thread-safe.
 */
public final class DeviceTrainer implements FieldTrainer, AutoCloseable {
    private final NeuralField twin;
    private final DeviceNeuralField field;
    private final DeviceLoss loss;
    private final DeviceOptimizer encodingOptimizer;
    private final DeviceOptimizer networkOptimizer;
    private final DeviceArray encodingGrad;
    private final DeviceArray networkGrad;
    private final DeviceEikonalTerm eikonal;
    private final ComputeDevice device;
    private final int capacity;
    private final boolean ownsField;
    private DeviceMlp.Workspace workspace;
    private DeviceArray positions;
    private DeviceArray targets;
    private DeviceArray encoded;
    private DeviceArray prediction;
    private DeviceArray dPrediction;
    private DeviceArray dEncoded;
    private long step;
    private double lastFiniteLoss = Double.NaN;
    private long lastFiniteStep = -1;

    /**
     * A trainer for {@code field} (its parameters uploaded) with the loss and optimizer of its config, for batches
     * of up to the config's batch size.
     *
     * @throws org.isofield.core.ConfigException for components without device kernels
     * @throws DeviceMemoryException when the plan does not fit the device, before anything is allocated
     */
    public DeviceTrainer(ComputeDevice device, NeuralField field) {
        this(device, field, null, field.config().loss(), field.config().optimizer(), field.config().batchSize(),
                field.config().eikonalWeight(), field.config().eikonalFraction());
    }

    /**
     * A trainer with its own loss, optimizer and batch size over {@code shared}, a field already on the device (which
     * the trainer does not close): a fit of another target before the main one, as NeuralPull's signed start.
     */
    public DeviceTrainer(DeviceNeuralField shared, LossConfig loss, OptimizerConfig optimizer, int batch) {
        this(shared.device(), shared.twin(), shared, loss, optimizer, batch, 0, 1);
    }

    private DeviceTrainer(ComputeDevice device, NeuralField field, DeviceNeuralField shared, LossConfig lossConfig,
                          OptimizerConfig optimizer, int batch, double eikonalWeight, double eikonalFraction) {
        this.twin = Objects.requireNonNull(field, "field");
        this.device = device;
        NeuralFieldConfig config = field.config();
        DeviceNeuralField.requireSupported(config);
        this.capacity = batch;
        long bytes = plannedBytes(field, optimizer, capacity, eikonalWeight > 0) - (shared != null
                ? 4 * field.paramCount() : 0);
        device.requireMemory(bytes, "training " + config.encoding().otype() + " (" + field.encoding().paramCount()
                + " parameters) + " + config.network().otype() + " with " + optimizer.otype()
                + " at batch " + capacity, "lower encoding.log2_hashmap_size or batch_size, or use backend cpu");
        this.ownsField = shared == null;
        this.field = shared != null ? shared : new DeviceNeuralField(device, field);
        this.loss = new DeviceLoss(device, lossConfig);
        int pe = field.encoding().paramCount();
        int pn = field.network().paramCount();
        this.encodingOptimizer = DeviceOptimizers.create(device, optimizer,
                List.of(ParameterGroup.of("encoding", 0, pe, ParameterGroup.Kind.GRID)), pe);
        this.networkOptimizer = DeviceOptimizers.create(device, optimizer, field.network().parameterGroups(), pn);
        this.encodingGrad = device.allocateFloats(Math.max(1, pe), "encoding.grad");
        this.networkGrad = device.allocateFloats(pn, "network.grad");
        this.eikonal = eikonalWeight > 0 ? new DeviceEikonalTerm(device, this.field, loss, eikonalWeight,
                eikonalFraction) : null;
    }

    /** Device bytes a training run of {@code field} at batch {@code n} needs (parameters, state, batch arrays). */
    public static long plannedBytes(NeuralField field, int n) {
        NeuralFieldConfig c = field.config();
        return plannedBytes(field, c.optimizer(), n, c.eikonalWeight() > 0);
    }

    private static long plannedBytes(NeuralField field, OptimizerConfig optimizer, int n, boolean eikonal) {
        long pe = field.encoding().paramCount();
        long pn = field.network().paramCount();
        int d = field.encoding().outputDims();
        long params = 8 * (pe + pn) + DeviceOptimizers.stateBytes(optimizer, pe)
                + DeviceOptimizers.stateBytes(optimizer, pn);
        long batch = 4L * n * (3 + 1 + 2 * d + 2);
        MlpNetwork shape = (MlpNetwork) field.network();
        long net = 4L * n * (2L * shape.hiddenLayers() * shape.width() + 2) + 4L * 128 * shape.width() * 256;
        if (eikonal) {
            net = net * 3;
        }
        return params + batch + net;
    }

    private void ensure(int n) {
        if (n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " exceeds the trainer's batch size " + capacity);
        }
        if (positions == null) {
            int d = field.encoding().outputDims();
            positions = device.allocateFloats(3L * capacity, "batch.positions");
            targets = device.allocateFloats(capacity, "batch.targets");
            encoded = device.allocateFloats((long) d * capacity, "batch.encoded");
            prediction = device.allocateFloats(capacity, "batch.prediction");
            dPrediction = device.allocateFloats(capacity, "batch.d_prediction");
            dEncoded = device.allocateFloats((long) d * capacity, "batch.d_encoded");
            workspace = field.network().newWorkspace(capacity);
        }
    }

    public NeuralField twin() {
        return twin;
    }

    public DeviceNeuralField deviceField() {
        return field;
    }

    @Override
    public long step() {
        return step;
    }

    public double lastLoss() {
        return lastFiniteLoss;
    }

    /** Runs {@code steps} steps on batches from {@code source}, reporting phase {@value Trainer#PHASE}. */
    public TrainingResult train(DeviceBatchSource source, long steps, Progress progress) {
        Objects.requireNonNull(source, "source");
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + "; expected 0 or more");
        }
        int n = source.batchSize();
        ensure(n);
        ProgressMeter meter = ProgressMeter.of(progress, Trainer.PHASE, steps);
        long t0 = System.nanoTime();
        double last = Double.NaN;
        for (long s = 0; s < steps; s++) {
            source.next(positions, targets);
            last = step(positions, targets, n);
            meter.step();
        }
        device.synchronize();
        meter.done();
        return new TrainingResult(steps, steps * n, last, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * One step on {@code n} samples already on the device; returns the loss before the update.
     *
     * @throws NumericalException when the loss is NaN or infinite (parameters unchanged)
     */
    public double step(DeviceArray xyz, DeviceArray target, int n) {
        ensure(n);
        DeviceEncoding enc = field.encoding();
        DeviceMlp net = field.network();
        enc.encode(xyz, n, encoded);
        net.forwardTrain(encoded, n, workspace, prediction);
        double value = loss.evaluate(prediction, target, n, dPrediction);
        if (!Double.isFinite(value)) {
            throw new NumericalException(Trainer.PHASE, step, "loss became " + (Double.isNaN(value) ? "NaN"
                    : "infinite (" + value + ")") + " on " + device.info().backend() + "; " + lastFinite());
        }
        networkGrad.zero();
        encodingGrad.zero();
        net.backward(encoded, n, workspace, dPrediction, networkGrad, dEncoded);
        enc.backward(xyz, n, dEncoded, encodingGrad);
        if (eikonal != null) {
            double term = eikonal.accumulate(xyz, encoded, n, encodingGrad, networkGrad);
            if (!Double.isFinite(term)) {
                throw new NumericalException(Trainer.PHASE, step, "eikonal term became " + term + " (data loss "
                        + value + "); " + lastFinite());
            }
            value += term;
        }
        encodingOptimizer.step(enc.params(), encodingGrad);
        networkOptimizer.step(net.params(), networkGrad);
        lastFiniteLoss = value;
        lastFiniteStep = step;
        step++;
        return value;
    }

    private String lastFinite() {
        return lastFiniteStep < 0 ? "no finite loss before" : "last finite loss " + lastFiniteLoss + " at step "
                + lastFiniteStep;
    }

    /** Copies the training parameters into the twin (for a CPU trainer to continue, or to inspect). */
    public void downloadTrainingParams() {
        field.download();
    }

    @Override
    public NeuralField inferenceField() {
        return field.hostCopy(encodingOptimizer.inferenceParams(field.encoding().params()),
                networkOptimizer.inferenceParams(field.network().params()));
    }

    @Override
    public Map<String, float[]> saveState() {
        Map<String, float[]> m = new LinkedHashMap<>();
        if (step > OptimizerState.MAX_EXACT_COUNT) {
            throw new IllegalStateException("trainer step " + step + " cannot be stored exactly as float32");
        }
        m.put(Trainer.STEP_STATE, new float[] {step});
        encodingOptimizer.saveState(Trainer.ENCODING_STATE, field.encoding().params(), m);
        networkOptimizer.saveState(Trainer.NETWORK_STATE, field.network().params(), m);
        return m;
    }

    @Override
    public void restoreState(Map<String, float[]> state) {
        if (step != 0) {
            throw new IllegalStateException("trainer has taken " + step + " steps; restore into a fresh trainer");
        }
        Map<String, float[]> in = new LinkedHashMap<>(state);
        float[] s = in.remove(Trainer.STEP_STATE);
        if (s == null || s.length != 1 || !(s[0] >= 0) || s[0] != Math.rint(s[0])) {
            throw new IllegalArgumentException("optimizer state block \"" + Trainer.STEP_STATE + "\" is "
                    + (s == null ? "missing" : Arrays.toString(s)) + "; expected one whole number");
        }
        encodingOptimizer.restoreState(Trainer.ENCODING_STATE, field.encoding().params(), in);
        networkOptimizer.restoreState(Trainer.NETWORK_STATE, field.network().params(), in);
        if (!in.isEmpty()) {
            throw new IllegalArgumentException("unknown optimizer state blocks " + in.keySet()
                    + "; the config's optimizer does not use them");
        }
        step = (long) s[0];
        if (encodingOptimizer.stepCount() != step || networkOptimizer.stepCount() != step) {
            throw new IllegalArgumentException("optimizer state block \"" + Trainer.STEP_STATE + "\" = " + step
                    + " but the optimizers have taken " + encodingOptimizer.stepCount() + " and "
                    + networkOptimizer.stepCount() + " steps; expected equal counts");
        }
        lastFiniteStep = step - 1;
    }

    @Override
    public void close() {
        for (DeviceArray a : new DeviceArray[] {positions, targets, encoded, prediction, dPrediction, dEncoded,
            encodingGrad, networkGrad}) {
            if (a != null) {
                a.close();
            }
        }
        if (workspace != null) {
            workspace.close();
        }
        if (eikonal != null) {
            eikonal.close();
        }
        encodingOptimizer.close();
        networkOptimizer.close();
        loss.close();
        if (ownsField) {
            field.close();
        }
    }
}
