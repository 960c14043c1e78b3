package org.isofield.fields.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.encodings.Encoding;
import org.isofield.fields.loss.Loss;
import org.isofield.fields.loss.Losses;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.optim.Optimizer;
import org.isofield.fields.optim.OptimizerState;
import org.isofield.fields.optim.Optimizers;
import org.isofield.fields.optim.ParameterGroup;

/**
 * Fits a {@link NeuralField} to batches from a {@link BatchSource}, one step at a time: encode, network forward,
 * loss, network backward (with the gradient with respect to the encoding's output), encoding backward, then one
 * optimizer step for each parameter array (the encoding's as one {@link ParameterGroup.Kind#GRID} group, so entries
 * with zero gradient are skipped; the network's as its own groups, {@link ParameterGroup.Kind#MATRIX} weights with
 * L2). Both optimizers come from the config's optimizer block, so wrappers (Ema, ExponentialDecay) apply to both.
 * With {@code eikonal_weight > 0} each step also adds the eikonal term on a share of the batch ({@link EikonalTerm});
 * the loss a step returns is then the data loss plus that term.
 *
 * <p>Deterministic: the same field seed and batch source give the same parameters for any thread count. A loss that
 * becomes NaN or infinite stops training with a {@link NumericalException} naming the step and the last finite
 * loss; the field's parameters are then those of the failing step. Not thread-safe.
 */
public final class Trainer implements FieldTrainer {
    /** Progress phase name of {@link #train}. */
    public static final String PHASE = "train";

    private final NeuralField field;
    private final Loss loss;
    private final Optimizer encodingOptimizer;
    private final Optimizer networkOptimizer;
    private final Network.Workspace workspace;
    private final float[] encodingGrad;
    private final float[] networkGrad;
    private final EikonalTerm eikonal;
    private float[] positions = new float[0];
    private float[] targets = new float[0];
    private float[] encoded = new float[0];
    private float[] prediction = new float[0];
    private float[] dPrediction = new float[0];
    private float[] dEncoded = new float[0];
    private long step;
    private double lastFiniteLoss = Double.NaN;
    private long lastFiniteStep = -1;

    /** A trainer for {@code field} with the loss and optimizer of the field's config. */
    public Trainer(NeuralField field) {
        this.field = Objects.requireNonNull(field, "field");
        NeuralFieldConfig config = field.config();
        this.loss = Losses.create(config.loss());
        Encoding enc = field.encoding();
        Network net = field.network();
        this.encodingOptimizer = Optimizers.create(config.optimizer(),
                List.of(ParameterGroup.of("encoding", 0, enc.paramCount(), ParameterGroup.Kind.GRID)),
                enc.paramCount());
        this.networkOptimizer = Optimizers.create(config.optimizer(), net.parameterGroups(), net.paramCount());
        this.workspace = net.newWorkspace(config.batchSize());
        this.encodingGrad = new float[enc.paramCount()];
        this.networkGrad = new float[net.paramCount()];
        this.eikonal = config.eikonalWeight() > 0
                ? new EikonalTerm(config.eikonalWeight(), config.eikonalFraction()) : null;
    }

    public NeuralField field() {
        return field;
    }

    /** Steps taken so far. */
    @Override
    public long step() {
        return step;
    }

    /** Loss of the last finite step, NaN before the first. */
    public double lastLoss() {
        return lastFiniteLoss;
    }

    /**
     * Runs {@code steps} steps on batches from {@code source}, reporting phase {@value #PHASE} to {@code progress}.
     *
     * @throws org.isofield.core.CancelledException when the progress callback asks to stop
     * @throws NumericalException when the loss becomes NaN or infinite
     */
    public TrainingResult train(BatchSource source, long steps, Progress progress) {
        Objects.requireNonNull(source, "source");
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + "; expected 0 or more");
        }
        int n = source.batchSize();
        if (n < 1) {
            throw new IllegalArgumentException("batch source has batch size " + n + "; expected at least 1");
        }
        if (positions.length != 3 * n) {
            positions = new float[3 * n];
            targets = new float[n];
        }
        ProgressMeter meter = ProgressMeter.of(progress, PHASE, steps);
        long t0 = System.nanoTime();
        double last = Double.NaN;
        for (long s = 0; s < steps; s++) {
            source.next(positions, targets);
            last = step(positions, targets, n);
            meter.step();
        }
        meter.done();
        return new TrainingResult(steps, steps * n, last, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * One training step on {@code n} samples; returns the loss before the update.
     *
     * @throws NumericalException when the loss is NaN or infinite (parameters are left unchanged)
     */
    public double step(float[] xyz, float[] target, int n) {
        Encoding enc = field.encoding();
        Network net = field.network();
        int dims = enc.outputDims();
        ensure(n, dims);
        enc.encode(xyz, n, encoded);
        net.forwardTrain(encoded, n, workspace, prediction);
        double value = loss.evaluate(prediction, target, n, 1, dPrediction);
        if (!Double.isFinite(value)) {
            String what = Double.isNaN(value) ? "NaN" : "infinite (" + value + ")";
            throw new NumericalException(PHASE, step, "loss became " + what + "; "
                    + (lastFiniteStep < 0 ? "no finite loss before"
                    : "last finite loss " + lastFiniteLoss + " at step " + lastFiniteStep));
        }
        Arrays.fill(networkGrad, 0f);
        Arrays.fill(encodingGrad, 0f);
        net.backward(encoded, n, workspace, dPrediction, networkGrad, dEncoded);
        enc.backward(xyz, n, dEncoded, encodingGrad);
        if (eikonal != null) {
            double term = eikonal.accumulate(enc, net, xyz, encoded, n, encodingGrad, networkGrad);
            if (!Double.isFinite(term)) {
                throw new NumericalException(PHASE, step, "eikonal term became " + term + " (data loss " + value
                        + "); " + (lastFiniteStep < 0 ? "no finite loss before"
                        : "last finite loss " + lastFiniteLoss + " at step " + lastFiniteStep));
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

    private void ensure(int n, int dims) {
        if (prediction.length != n) {
            encoded = new float[n * dims];
            prediction = new float[n];
            dPrediction = new float[n];
            dEncoded = new float[n * dims];
        }
    }

    /** Prefix of the encoding optimizer's state blocks; the network's use {@value #NETWORK_STATE}. */
    public static final String ENCODING_STATE = "encoding.";
    /** Prefix of the network optimizer's state blocks. */
    public static final String NETWORK_STATE = "network.";
    /** Name of the state block holding the trainer's step count. */
    public static final String STEP_STATE = "step";

    /**
     * The training state beyond the inference parameters, as named float32 arrays (copies) for a checkpoint: the step
     * count ({@value #STEP_STATE}) and both optimizers' state under {@value #ENCODING_STATE} and
     * {@value #NETWORK_STATE} (see {@link Optimizer#saveState}). With {@link #inferenceField()}'s parameters it is
     * enough for {@link #restoreState} to continue bitwise as if training had not stopped.
     */
    @Override
    public Map<String, float[]> saveState() {
        Map<String, float[]> m = new LinkedHashMap<>();
        if (step > OptimizerState.MAX_EXACT_COUNT) {
            throw new IllegalStateException("trainer step " + step + " cannot be stored exactly as float32");
        }
        m.put(STEP_STATE, new float[] {step});
        encodingOptimizer.saveState(ENCODING_STATE, field.encoding().params(), m);
        networkOptimizer.saveState(NETWORK_STATE, field.network().params(), m);
        return m;
    }

    /**
     * Restores {@link #saveState}'s output into this fresh trainer, whose field must hold the inference parameters
     * saved with it (e.g. a field rebuilt from a checkpoint's parameter blocks); afterwards the field holds the
     * training parameters.
     *
     * @throws IllegalArgumentException when a block is missing, unknown, of the wrong length or impossible
     */
    @Override
    public void restoreState(Map<String, float[]> state) {
        if (step != 0) {
            throw new IllegalStateException("trainer has taken " + step + " steps; restore into a fresh trainer");
        }
        Map<String, float[]> in = new LinkedHashMap<>(state);
        float[] s = in.remove(STEP_STATE);
        if (s == null || s.length != 1 || !(s[0] >= 0) || s[0] != Math.rint(s[0])) {
            throw new IllegalArgumentException("optimizer state block \"" + STEP_STATE + "\" is "
                    + (s == null ? "missing" : Arrays.toString(s)) + "; expected one whole number");
        }
        encodingOptimizer.restoreState(ENCODING_STATE, field.encoding().params(), in);
        networkOptimizer.restoreState(NETWORK_STATE, field.network().params(), in);
        if (!in.isEmpty()) {
            throw new IllegalArgumentException("unknown optimizer state blocks " + in.keySet()
                    + "; the config's optimizer does not use them");
        }
        step = (long) s[0];
        if (encodingOptimizer.stepCount() != step || networkOptimizer.stepCount() != step) {
            throw new IllegalArgumentException("optimizer state block \"" + STEP_STATE + "\" = " + step
                    + " but the optimizers have taken " + encodingOptimizer.stepCount() + " and "
                    + networkOptimizer.stepCount() + " steps; expected equal counts");
        }
        lastFiniteStep = step - 1;
    }

    /**
     * The field to use for inference and export: a copy with the optimizers' inference parameters (the moving
     * averages under an {@code Ema} optimizer), or the live field's parameters copied otherwise.
     */
    @Override
    public NeuralField inferenceField() {
        float[] e = encodingOptimizer.inferenceParams(field.encoding().params());
        float[] w = networkOptimizer.inferenceParams(field.network().params());
        return NeuralField.of(field.config(), Map.of(NeuralField.ENCODING_BLOCK, e.clone(),
                NeuralField.NETWORK_BLOCK, w.clone()));
    }
}
