package org.isofield.cli;

import picocli.CommandLine.Option;

/** The {@code --force} flag of commands that write files. */
final class OutputOptions {
    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    @Option(names = "--ascii", description = "Write text files where the format has both (PLY, STL); default binary.")
    boolean ascii;
}
