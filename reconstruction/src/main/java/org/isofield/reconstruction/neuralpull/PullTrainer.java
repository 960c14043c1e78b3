package org.isofield.reconstruction.neuralpull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.isofield.core.NumericalException;
import org.isofield.core.ProgressMeter;
import org.isofield.encodings.Encoding;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.optim.Optimizer;
import org.isofield.fields.optim.Optimizers;
import org.isofield.fields.optim.ParameterGroup;
import org.isofield.fields.train.NeuralField;

/**
 * The pulling loop: each step takes the next batch of the query pool, evaluates {@link PullLoss} with its full
 * gradient and takes one optimizer step on each parameter block (fresh optimizers from the config; the encoding as a
 * {@link ParameterGroup.Kind#GRID} group, so untouched table entries are skipped). A loss that becomes NaN or
 * infinite stops with a {@link NumericalException} naming the step and the last finite loss. Not thread-safe.
 */
final class PullTrainer {
    static final String PHASE = "neuralpull.optimize";

    /** Loss of the last step: total (with the eikonal term) and the pull term alone (unit-cube units). */
    record Losses(double total, double pull) {
    }

    private final NeuralField field;
    private final int batch;
    private final PullLoss loss;
    private final Optimizer encodingOptimizer;
    private final Optimizer networkOptimizer;
    private final float[] encodingGrad;
    private final float[] networkGrad;

    PullTrainer(NeuralField field, NeuralPullConfig config) {
        this.field = field;
        this.batch = config.batchSize();
        this.loss = new PullLoss(field, config.eikonalWeight(), config.surfaceWeight());
        Encoding enc = field.encoding();
        Network net = field.network();
        this.encodingOptimizer = Optimizers.create(config.optimizer(),
                List.of(ParameterGroup.of("encoding", 0, enc.paramCount(), ParameterGroup.Kind.GRID)),
                enc.paramCount());
        this.networkOptimizer = Optimizers.create(config.optimizer(), net.parameterGroups(), net.paramCount());
        this.encodingGrad = new float[enc.paramCount()];
        this.networkGrad = new float[net.paramCount()];
    }

    Losses train(PullQueries pool, int steps, ProgressMeter meter) {
        float[] q = new float[3 * batch];
        float[] t = new float[3 * batch];
        Losses last = new Losses(Double.NaN, Double.NaN);
        for (int s = 0; s < steps; s++) {
            pool.next(q, t, batch);
            Arrays.fill(encodingGrad, 0f);
            Arrays.fill(networkGrad, 0f);
            double[] l = loss.accumulate(q, t, batch, encodingGrad, networkGrad);
            if (!Double.isFinite(l[0])) {
                throw new NumericalException(PHASE, s, "pull loss became " + l[0] + "; "
                        + (s == 0 ? "no finite loss before" : "last finite loss " + last.total() + " at step "
                        + (s - 1))
                        + "; expected a finite loss (try a lower learning rate)");
            }
            encodingOptimizer.step(field.encoding().params(), encodingGrad);
            networkOptimizer.step(field.network().params(), networkGrad);
            last = new Losses(l[0], l[1]);
            meter.step();
        }
        return last;
    }

    /** A copy of the field with the optimizers' inference parameters (moving averages under Ema). */
    NeuralField inferenceField() {
        float[] e = encodingOptimizer.inferenceParams(field.encoding().params());
        float[] w = networkOptimizer.inferenceParams(field.network().params());
        return NeuralField.of(field.config(), Map.of(NeuralField.ENCODING_BLOCK, e.clone(),
                NeuralField.NETWORK_BLOCK, w.clone()));
    }
}
