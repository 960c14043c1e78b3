package org.isofield.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.Progress;
import org.isofield.core.io.OutputExistsException;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.WriteOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --force}, {@code --ascii} and {@code --output-format} options of commands that write files. */
final class OutputOptions {
    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Output format: auto (from the extension), ply, obj, off, xyz, stl, pcd or las; needed when "
                    + "the output is - (standard output). Default: ${DEFAULT-VALUE}.")
    String outputFormat = "auto";

    /** Whether {@code target} is {@code -}, standard output. */
    static boolean isStdout(Path target) {
        return target != null && target.getNameCount() == 1 && !target.isAbsolute() && target.toString().equals("-");
    }

    /** How to write: binary unless {@code --ascii}, {@code --force}, the output format, with this progress. */
    WriteOptions writeOptions(Progress progress) {
        return new WriteOptions(!ascii, force, progress, outputFormat);
    }

    /** The format a target is written in: {@code --output-format}, else the target's extension. */
    GeometryFormat formatFor(CommandLine cl, Path target) {
        if (isStdout(target) && "auto".equalsIgnoreCase(outputFormat)) {
            throw new CommandLine.ParameterException(cl, "the output is - (standard output), which has no extension "
                    + "to take the format from; expected --output-format, e.g. --output-format ply");
        }
        return new WriteOptions(!ascii, force, Progress.NONE, outputFormat).formatFor(target);
    }
    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    /**
     * Fails before any work when an output exists and {@code force} is off, so a long run never ends in a refused
     * write; the atomic writers check again when they write.
     */
    static void refuseExisting(boolean force, Path... targets) {
        for (Path p : targets) {
            if (!force && !isStdout(p) && Files.exists(p)) {
                throw new OutputExistsException(p);
            }
        }
    }

    @Option(names = "--ascii", description = "Write text files where the format has both (PLY, STL); default binary.")
    boolean ascii;
}
