package org.isofield.reconstruction.neural;

import java.util.Objects;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.sample.Normalization;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.train.BatchSource;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;
import org.isofield.fields.train.TrainingResult;
import org.isofield.reconstruction.sdf.SdfSampler;
import org.isofield.reconstruction.sdf.SdfSamplingConfig;

/**
 * Fits a neural SDF to a mesh: the mesh is mapped into the unit cube ({@link SdfSampler#normalization()}), batches of
 * {@link NeuralFieldConfig#batchSize()} signed-distance samples are drawn as instant-ngp draws them, and a
 * {@link Trainer} runs the given number of steps. The result packs into a {@link FieldFile} of kind
 * {@value #KIND}: the config JSON, the world-to-unit transform, and the blocks {@code "encoding"} and
 * {@code "network"} (the EMA weights when the optimizer keeps them).
 *
 * <p>Deterministic for a seed: the sampler and the field's initialisation both derive from it. Bad meshes (no
 * faces, non-finite vertices, only zero-area faces) fail in {@link SdfSampler} with an
 * {@link IllegalArgumentException}.
 */
public final class SdfFit {
    /** The field-file kind of a neural field. */
    public static final String KIND = "neural";
    /** Progress phase of building the sampler (normalisation, BVH, first pool slot). */
    public static final String PREPARE_PHASE = "sdf.prepare";

    private SdfFit() {
    }

    /**
     * The outcome of a fit.
     *
     * @param field the field for inference (EMA weights when used), in the unit-cube frame
     * @param normalization world to unit cube
     * @param training steps, samples, final loss and time
     */
    public record Result(NeuralField field, Normalization normalization, TrainingResult training) {
        public Result {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(normalization, "normalization");
            Objects.requireNonNull(training, "training");
        }

        /** The field file: kind {@value SdfFit#KIND}, config JSON, transform and parameter blocks. */
        public FieldFile toFieldFile() {
            var t = normalization.translation();
            return FieldFile.of(KIND, field.config().toJsonText(), normalization.scale(),
                    new double[] {t.x(), t.y(), t.z()}, field.blocks());
        }
    }

    /** Fits with the default config. */
    public static Result fit(TriangleMesh mesh, long steps, long seed) {
        return fit(mesh, NeuralFieldConfig.DEFAULT, steps, seed, Progress.NONE);
    }

    /**
     * Fits a field to {@code mesh}.
     *
     * @param steps training steps, 0 or more
     * @param seed seed of the sampler and of the field's initialisation
     * @throws IllegalArgumentException for a mesh without faces or with only degenerate faces
     * @throws org.isofield.core.NumericalException when the loss becomes NaN
     * @throws org.isofield.core.CancelledException when {@code progress} asks to stop
     */
    public static Result fit(TriangleMesh mesh, NeuralFieldConfig config, long steps, long seed, Progress progress) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(config, "config");
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + "; expected 0 or more");
        }
        Progress p = progress == null ? Progress.NONE : progress;
        p.report(PREPARE_PHASE, 0);
        SdfSampler sampler = new SdfSampler(mesh,
                SdfSamplingConfig.DEFAULT.withBatchSize(config.batchSize()).withSeed(seed));
        p.report(PREPARE_PHASE, 1);
        BatchSource source = new BatchSource() {
            @Override
            public int batchSize() {
                return config.batchSize();
            }

            @Override
            public void next(float[] positions, float[] targets) {
                sampler.next(positions, targets);
            }
        };
        Trainer trainer = new Trainer(new NeuralField(config, seed));
        TrainingResult r = trainer.train(source, steps, p);
        return new Result(trainer.inferenceField(), sampler.normalization(), r);
    }
}
