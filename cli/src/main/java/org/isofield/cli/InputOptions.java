package org.isofield.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.Progress;
import org.isofield.datasets.io.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of commands that read geometry files. */
final class InputOptions {
    @Option(names = "--drop-non-finite",
            description = "Drop points with NaN or infinite coordinates (and faces using them) instead of failing.")
    boolean dropNonFinite;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Input format: auto (from the extension; X.ply.gz and other .gz files are read "
                    + "decompressed), ply, obj, off, xyz, stl, pcd or las; needed when the input is - (standard "
                    + "input). Default: ${DEFAULT-VALUE}.")
    String format = "auto";

    ReadOptions readOptions(Progress progress) {
        return new ReadOptions(format, dropNonFinite, progress);
    }

    /** Fails with a usage error when an input file does not exist; {@code -} (standard input) passes. */
    static Path existing(CommandLine cl, Path p) {
        if (!OutputOptions.isStdout(p) && !Files.isRegularFile(p)) {
            throw new CommandLine.ParameterException(cl, p + ": no such file");
        }
        return p;
    }
}
