package org.isofield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.isofield.core.FormatException;
import org.isofield.core.config.Configs;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.reconstruction.InvalidMeshException;
import org.isofield.reconstruction.neural.SdfFit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield fit MESH -o FIELD.isf}: trains a neural SDF of a mesh (instant-ngp's SDF task). */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a neural signed distance field to a mesh and write it as an .isf field file.",
            "The config is instant-ngp's SDF config unless --config or --set change it; see 'isofield config "
            + "defaults'."})
final class FitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    BackendOptions compute;

    @Parameters(paramLabel = "MESH", description = "The mesh to fit (.ply, .obj, .off, .stl).")
    Path mesh;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FIELD",
            description = "Output field file (.isf).")
    Path out;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON config with blocks encoding, network, loss, optimizer and key batch_size.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. encoding.n_levels=8 or "
                    + "optimizer.nested.nested.learning_rate=1e-3.")
    List<String> set = List.of();

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
            description = "Training steps. Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    @Option(names = "--resume", paramLabel = "FIELD",
            description = "Continue the training stored in FIELD (written with --save-optimizer-state) for --steps "
                    + "more "
                    + "steps. The config is FIELD's, with --config and --set laid over it (encoding and network must "
                    + "stay); the seed is FIELD's unless --seed is given. Same mesh, config and seed: bitwise the "
                    + "uninterrupted run.")
    Path resume;

    @Option(names = "--save-optimizer-state", negatable = true,
            description = "Also store the optimizer state (Adam moments and step counters, EMA training weights, step "
                    + "counts) so that 'fit --resume' can continue; about 5 times the file size. Default: on with "
                    + "--resume, else off.")
    Boolean saveOptimizerState;

    @Override
    public Integer call() {
        InputOptions.existing(common.mixee.commandLine(), mesh);
        if (steps < 0) {
            throw new CommandLine.ParameterException(common.mixee.commandLine(),
                    "--steps " + steps + ": expected 0 or more");
        }
        if (config != null) {
            InputOptions.existing(common.mixee.commandLine(), config);
        }
        JsonNode doc = config == null ? null : Json.read(config);
        boolean withState = saveOptimizerState != null ? saveOptimizerState : resume != null;
        if (resume == null) {
            NeuralFieldConfig cfg = withCompute(NeuralFieldConfig.load(doc, set));
            OutputOptions.refuseExisting(force, out);
            TriangleMesh m = common.phase("read", () -> Meshes.read(mesh, input.readOptions(common.progress())));
            SdfFit.Result r = common.phase("fit", () -> inputChecked(() -> SdfFit.fit(m, cfg, steps, common.seed(),
                    common.progress())));
            try (r) {
                write(r, withState);
            }
            return 0;
        }
        InputOptions.existing(common.mixee.commandLine(), resume);
        FieldFile old = common.phase("read", () -> FieldFiles.read(resume));
        NeuralFieldFiles.requireOptimizerState(old, resume);
        NeuralFieldConfig cfg = withCompute(NeuralFieldFiles.resumeConfig(old, resume, doc, set));
        long seed = common.seed();
        OptionalLong stored = NeuralFieldFiles.seed(old);
        if (!common.mixee.commandLine().getParseResult().hasMatchedOption("--seed") && stored.isPresent()) {
            seed = stored.getAsLong();
        } else if (stored.isPresent() && stored.getAsLong() != seed) {
            common.info("note: --seed " + seed + " differs from the seed " + stored.getAsLong() + " of " + resume
                    + "; the batches will differ from an uninterrupted run");
        }
        long runSeed = seed;
        OutputOptions.refuseExisting(force, out);
        TriangleMesh m = common.phase("read", () -> Meshes.read(mesh, input.readOptions(common.progress())));
        SdfFit.Result r = common.phase("fit", () -> inputChecked(
                () -> SdfFit.resume(m, old, resume, cfg, steps, runSeed, common.progress())));
        common.info("resumed " + resume + " at step " + (r.trainer().step() - r.training().steps()));
        try (r) {
            write(r, withState);
        }
        return 0;
    }

    private NeuralFieldConfig withCompute(NeuralFieldConfig c) {
        return common.config(() -> Configs.with(c, "backend", compute.backend(c.backend()), "precision",
                compute.precision(c.precision())));
    }

    private void write(SdfFit.Result r, boolean withState) {
        common.info("backend " + r.backend().describe());
        common.phase("write", () -> FieldFiles.write(r.toFieldFile(withState), out, force));
        common.info(String.format(Locale.ROOT,
                "wrote %s (%d parameters, %d steps, final loss %.4g, %.1f steps/s, %.0f samples/s)",
                out, r.field().paramCount(), r.training().steps(), r.training().finalLoss(),
                r.training().stepsPerSecond(), r.training().samplesPerSecond()));
        if (withState) {
            common.info("with optimizer state at step " + r.trainer().step() + " (resume with --resume " + out + ")");
        }
    }

    /**
     * Runs a fit, reporting a mesh the SDF sampler refuses (only zero-area faces, non-finite vertices) as a format
     * error of the input file, so it names the file and exits with the input-error code.
     */
    private SdfFit.Result inputChecked(Supplier<SdfFit.Result> fit) {
        try {
            return fit.get();
        } catch (InvalidMeshException e) {
            throw FormatException.inFile(mesh, e.getMessage());
        }
    }
}
