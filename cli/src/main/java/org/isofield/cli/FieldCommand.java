package org.isofield.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.core.io.AtomicFiles;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.io.TcnnWeights;
import org.isofield.fields.io.TcnnWeightsFiles;
import org.isofield.fields.train.NeuralFieldConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield field export|import}: moves a neural field's parameters in tiny-cuda-nn's layout. */
@Command(name = "field", mixinStandardHelpOptions = true,
        description = "Move a neural field's parameters to and from tiny-cuda-nn's layout: network weights first "
                + "(FullyFusedMLP, padded, row-major), then the encoding's, float32 little-endian after a 96-byte "
                + "header (docs/tcnn-weights.md).",
        subcommands = {FieldCommand.Export.class, FieldCommand.Import.class})
final class FieldCommand implements Runnable {
    /** Encodings whose parameter layout is tiny-cuda-nn's. */
    static final Set<String> TCNN_ENCODINGS = Set.of("HashGrid", "DenseGrid", "Frequency");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: export or import");
    }

    /** {@code isofield field export FIELD.isf -o WEIGHTS.bin}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a field's parameters (EMA weights when trained with Ema) as a tiny-cuda-nn weights "
                    + "file.")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "FIELD", description = "The field file (.isf), kind neural.")
        Path field;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "WEIGHTS",
                description = "Output weights file (.bin).")
        Path out;

        @Option(names = "--config-output", paramLabel = "FILE",
                description = "Also write the field's config as JSON: its encoding and network blocks are "
                        + "tiny-cuda-nn's encoding_config and network_config, and 'field import --config' reads it.")
        Path configOut;

        @Option(names = "--force", description = "Replace existing output files.")
        boolean force;

        @Override
        public Integer call() {
            InputOptions.existing(common.mixee.commandLine(), field);
            OutputOptions.refuseExisting(force, configOut == null ? new Path[] {out} : new Path[] {out, configOut});
            FieldFile f = common.phase("read", () -> FieldFiles.read(field));
            NeuralFieldConfig config = NeuralFieldFiles.config(f, field);
            TcnnWeights w = TcnnWeights.of(f, field);
            common.phase("write", () -> TcnnWeightsFiles.write(w, out, force));
            if (configOut != null) {
                AtomicFiles.writeString(configOut, force, Json.write(config.toJson()) + "\n");
            }
            common.info(String.format(Locale.ROOT, "wrote %s (%d network + %d encoding parameters, float32, %d bytes)",
                    out, w.networkParams(), w.encodingParams(), TcnnWeightsFiles.length(w.params().length)));
            if (!TCNN_ENCODINGS.contains(config.encoding().otype())) {
                common.info("note: tiny-cuda-nn has no " + config.encoding().otype() + " encoding; only the network "
                        + "part of the file is usable there");
            } else if (w.encodingOutputDims() != w.networkInputDims()) {
                common.info("note: the encoding's " + w.encodingOutputDims() + " outputs are padded to "
                        + w.networkInputDims() + "; isofield feeds 1 into the padded inputs, tiny-cuda-nn's grid "
                        + "encodings feed 0, so outputs differ there unless those weight columns are zero");
            }
            return 0;
        }
    }

    /** {@code isofield field import WEIGHTS.bin --config CONFIG.json -o FIELD.isf}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Build a field file from a tiny-cuda-nn weights file and the config it was trained with.")
    static final class Import implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "WEIGHTS", description = "The weights file (.bin).")
        Path weights;

        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "JSON config with blocks encoding and network (and optionally loss, optimizer, "
                        + "batch_size).")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Override a config key, e.g. encoding.n_levels=8.")
        List<String> set = List.of();

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FIELD",
                description = "Output field file (.isf).")
        Path out;

        @Option(names = "--force", description = "Replace an existing output file.")
        boolean force;

        @Override
        public Integer call() {
            InputOptions.existing(common.mixee.commandLine(), weights);
            InputOptions.existing(common.mixee.commandLine(), config);
            NeuralFieldConfig cfg = NeuralFieldConfig.load(Json.read(config), set);
            OutputOptions.refuseExisting(force, out);
            TcnnWeights w = common.phase("read", () -> TcnnWeightsFiles.read(weights));
            FieldFile f = w.toFieldFile(cfg, weights);
            common.phase("write", () -> FieldFiles.write(f, out, force));
            common.info(String.format(Locale.ROOT, "wrote %s (%d parameters, kind %s)", out, f.parameterCount(),
                    f.kind()));
            return 0;
        }
    }
}
