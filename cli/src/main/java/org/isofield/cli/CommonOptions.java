package org.isofield.cli;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import org.isofield.core.Parallel;
import org.isofield.core.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every subcommand takes: verbosity, progress bars, threads, seed. */
public final class CommonOptions {
    /** When progress bars are drawn. */
    public enum ProgressMode { auto, always, never }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and requested output.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print one line per phase with its time and peak heap.")
    boolean verbose;

    @Option(names = "--debug", description = "Print debug logs and stack traces of errors.")
    boolean debug;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress bars: auto (when a console is attached), always, never. Default: ${DEFAULT-VALUE}.")
    ProgressMode progress = ProgressMode.auto;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads; 0 means one per processor. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice, so runs repeat exactly. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Applies logging level and thread count; called by the execution strategy before the subcommand runs. */
    void apply() {
        if (threads < 0) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
                    "--threads " + threads + ": expected 0 (one per processor) or more");
        }
        Parallel.setThreads(threads);
        Logging.configure(debug ? Level.DEBUG : verbose ? Level.INFO : Level.WARNING);
    }

    /** A progress callback that draws bars on stderr, or does nothing. */
    public Progress progress() {
        boolean draw = switch (progress) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && !quiet;
        };
        return draw ? new ProgressBars(mixee.commandLine().getErr()) : Progress.NONE;
    }

    /** Prints an informational line unless {@code --quiet}. */
    public void info(String line) {
        if (!quiet) {
            out().println(line);
        }
    }

    /** Prints a line only with {@code --verbose} or {@code --debug}. */
    public void detail(String line) {
        if (verbose || debug) {
            err().println(line);
        }
    }

    public PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    public PrintWriter err() {
        return mixee.commandLine().getErr();
    }

    public boolean debug() {
        return debug;
    }

    public long seed() {
        return seed;
    }
}
