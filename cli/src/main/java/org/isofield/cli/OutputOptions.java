package org.isofield.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.io.OutputExistsException;
import picocli.CommandLine.Option;

/** The {@code --force} flag of commands that write files. */
final class OutputOptions {
    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    /**
     * Fails before any work when an output exists and {@code force} is off, so a long run never ends in a refused
     * write; the atomic writers check again when they write.
     */
    static void refuseExisting(boolean force, Path... targets) {
        for (Path p : targets) {
            if (!force && Files.exists(p)) {
                throw new OutputExistsException(p);
            }
        }
    }

    @Option(names = "--ascii", description = "Write text files where the format has both (PLY, STL); default binary.")
    boolean ascii;
}
