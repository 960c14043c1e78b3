package org.isofield.reconstruction.neural;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.isofield.core.FormatException;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.sample.Normalization;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.core.compute.Backends;
import org.isofield.fields.device.DeviceTrainer;
import org.isofield.fields.device.FieldBackends;
import org.isofield.fields.train.BatchSource;
import org.isofield.fields.train.FieldTrainer;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;
import org.isofield.fields.train.TrainingResult;
import org.isofield.reconstruction.sdf.SdfSampler;
import org.isofield.reconstruction.sdf.DeviceSdfSampler;
import org.isofield.reconstruction.sdf.SdfSamplingConfig;

/**
 * Fits a neural SDF to a mesh: the mesh is mapped into the unit cube ({@link SdfSampler#normalization()}), batches of
 * {@link NeuralFieldConfig#batchSize()} signed-distance samples are drawn as instant-ngp draws them, and a
 * {@link Trainer} runs the given number of steps. The result packs into a {@link FieldFile} of kind
 * {@value #KIND}: the config JSON, the world-to-unit transform, and the blocks {@code "encoding"} and
 * {@code "network"} (the EMA weights when the optimizer keeps them), metadata with the seed and the step count, and
 * optionally the optimizer state, from which {@link #resume} continues.
 *
 * <p>Deterministic for a seed: the sampler and the field's initialisation both derive from it. Bad meshes (no
 * faces, non-finite vertices, only zero-area faces) fail in {@link SdfSampler} with an
 * {@link IllegalArgumentException}.
 */
public final class SdfFit {
    /** The field-file kind of a neural field. */
    public static final String KIND = NeuralFieldFiles.KIND;
    /** Progress phase of building the sampler (normalisation, BVH, first pool slot). */
    public static final String PREPARE_PHASE = "sdf.prepare";
    /** Progress phase of replaying the sampler up to a resumed checkpoint's step. */
    public static final String REPLAY_PHASE = "sdf.replay";

    private SdfFit() {
    }

    /**
     * The outcome of a fit.
     *
     * @param field the field for inference (EMA weights when used), in the unit-cube frame
     * @param normalization world to unit cube
     * @param training steps, samples, final loss and time of this run
     * @param trainer the trainer, holding the training parameters and optimizer state (for checkpoints)
     * @param seed the seed of the sampler and of the field's initialisation
     */
    public record Result(NeuralField field, Normalization normalization, TrainingResult training,
            FieldTrainer trainer, long seed, Backends.Selection backend) implements AutoCloseable {
        public Result {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(normalization, "normalization");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(trainer, "trainer");
            Objects.requireNonNull(backend, "backend");
        }

        /** The field file without optimizer state: see {@link #toFieldFile(boolean)}. */
        public FieldFile toFieldFile() {
            return toFieldFile(false);
        }

        /**
         * The field file: kind {@value SdfFit#KIND}, config JSON, transform, parameter blocks, metadata with the seed
         * and the total step count, and with {@code withOptimizerState} the optimizer state that {@link #resume}
         * needs.
         */
        public FieldFile toFieldFile(boolean withOptimizerState) {
            var t = normalization.translation();
            return NeuralFieldFiles.pack(trainer, normalization.scale(), new double[] {t.x(), t.y(), t.z()}, seed,
                    withOptimizerState);
        }

        /** Frees the device memory of a device run (after which {@link #toFieldFile} with state no longer works). */
        @Override
        public void close() {
            if (trainer instanceof DeviceTrainer d) {
                d.close();
            }
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
        Backends.Selection backend = FieldBackends.select(config);
        SdfSampler sampler = sampler(mesh, config, seed, backend, p);
        NeuralField initial = new NeuralField(config, seed);
        FieldTrainer trainer = backend.onDevice() ? new DeviceTrainer(backend.device(), initial) : new Trainer(initial);
        return train(trainer, sampler, config, steps, seed, backend, p);
    }

    /**
     * Continues the training stored in {@code checkpoint} (a field file written with its optimizer state) for
     * {@code steps} more steps. With the mesh, config and seed of the original run, the result is bitwise the one an
     * uninterrupted run of the total step count gives: the sampler is replayed up to the stored step (it is
     * deterministic per step; the replay costs the sampling part of the steps already taken, about a tenth of their
     * time), then training continues from the restored parameters and optimizer state. On a device the batches are
     * counter-based, so there is nothing to replay; bitwise resumption holds within one backend (a CPU checkpoint
     * resumed on a device continues with the device's batches).
     *
     * @param file names the checkpoint in messages (may be null)
     * @param config the run's config: the stored encoding and network (see {@link NeuralFieldFiles#resumeConfig})
     * @param seed the original run's seed ({@link NeuralFieldFiles#seed} reads it from the checkpoint)
     * @throws FormatException when the checkpoint has no optimizer state, state that does not fit, or was trained
     *     on a mesh with another unit-cube transform
     * @throws org.isofield.core.ConfigException when {@code config} changes the encoding or the network
     */
    public static Result resume(TriangleMesh mesh, FieldFile checkpoint, Path file, NeuralFieldConfig config,
            long steps, long seed, Progress progress) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + "; expected 0 or more");
        }
        Progress p = progress == null ? Progress.NONE : progress;
        Backends.Selection backend = FieldBackends.select(config);
        FieldTrainer trainer = backend.onDevice()
                ? NeuralFieldFiles.resume(checkpoint, file, config, f -> new DeviceTrainer(backend.device(), f))
                : NeuralFieldFiles.resume(checkpoint, file, config);
        SdfSampler sampler = sampler(mesh, config, seed, backend, p);
        Normalization n = sampler.normalization();
        double[] t = checkpoint.translation();
        if (n.scale() != checkpoint.scale() || n.translation().x() != t[0] || n.translation().y() != t[1]
                || n.translation().z() != t[2]) {
            throw FormatException.inFile(file, String.format(Locale.ROOT, "was trained on another mesh: its "
                    + "world-to-unit transform is scale %s, translation (%s, %s, %s); this mesh gives scale %s, "
                    + "translation (%s, %s, %s); expected the mesh of the original run", checkpoint.scale(), t[0],
                    t[1], t[2], n.scale(), n.translation().x(), n.translation().y(), n.translation().z()));
        }
        ProgressMeter replay = ProgressMeter.of(p, REPLAY_PHASE, 1);
        if (!backend.onDevice()) {
            sampler.skipTo(trainer.step());
        }
        replay.done();
        return train(trainer, sampler, config, steps, seed, backend, p);
    }

    /** The host sampler; on a device only its normalisation and BVH are used, so it keeps no pool there. */
    private static SdfSampler sampler(TriangleMesh mesh, NeuralFieldConfig config, long seed,
            Backends.Selection backend, Progress p) {
        p.report(PREPARE_PHASE, 0);
        SdfSamplingConfig sampling = samplingConfig(config, seed);
        SdfSampler sampler = new SdfSampler(mesh, backend.onDevice() ? Configs.with(sampling, "pool_batches", 0,
                "refresh_steps", 1) : sampling);
        p.report(PREPARE_PHASE, 1);
        return sampler;
    }

    private static SdfSamplingConfig samplingConfig(NeuralFieldConfig config, long seed) {
        return Configs.with(SdfSamplingConfig.DEFAULT, "batch_size", config.batchSize(), "seed", seed);
    }

    /**
     * Trains; on a device the batches are drawn there ({@link DeviceSdfSampler}: fresh every step, counter-based, so a
     * resumed run continues at the checkpoint's step), on the CPU by the pooled {@link SdfSampler}.
     */
    private static Result train(FieldTrainer trainer, SdfSampler sampler, NeuralFieldConfig config, long steps,
            long seed, Backends.Selection backend, Progress p) {
        if (trainer instanceof DeviceTrainer d) {
            try (DeviceSdfSampler batches = new DeviceSdfSampler(backend.device(), sampler.bvh(),
                    samplingConfig(config, seed))) {
                batches.skipTo(d.step());
                TrainingResult r = d.train(batches, steps, p);
                return new Result(d.inferenceField(), sampler.normalization(), r, d, seed, backend);
            }
        }
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
        TrainingResult r = ((Trainer) trainer).train(source, steps, p);
        return new Result(trainer.inferenceField(), sampler.normalization(), r, trainer, seed, backend);
    }
}
