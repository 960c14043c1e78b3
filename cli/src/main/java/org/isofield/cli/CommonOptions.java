package org.isofield.cli;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.isofield.core.ConfigException;
import org.isofield.core.Parallel;
import org.isofield.core.PhaseTimes;
import org.isofield.core.Progress;
import picocli.CommandLine;
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
            throw new CommandLine.ParameterException(mixee.commandLine(),
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

    /**
     * Builds a config record from option values; a bad value becomes a usage error that names the option
     * ({@code --n-points}) rather than the JSON key ({@code n_points}), since the user typed the option.
     */
    public <T> T config(Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            String key = e.jsonPath().replaceFirst("^\\$\\.", "");
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "--" + key.replace('_', '-') + ": " + e.detail());
        }
    }

    /**
     * Prints the line that says what was written unless {@code --quiet}: to standard error when the output itself
     * went to standard output ({@code -}), so that it cannot mix with the data.
     */
    public void wrote(Path target, String line) {
        if (!quiet) {
            (OutputOptions.isStdout(target) ? err() : out()).println(line);
        }
    }

    /** Prints an informational line unless {@code --quiet}. */
    public void info(String line) {
        if (!quiet) {
            out().println(line);
        }
    }

    /**
     * Runs one phase of a command; with {@code --verbose} prints one line with its time and the peak heap so far,
     * as PoissonRecon's tools do: {@code read        0.42 s  peak heap 310 MB}.
     */
    public <T> T phase(String name, Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        if (verbose || debug) {
            err().printf(Locale.ROOT, "%-12s %7.2f s  peak heap %d MB%n", name, (System.nanoTime() - t0) * 1e-9,
                    PhaseTimes.peakHeapBytes() >> 20);
        }
        return result;
    }

    /** Runs a phase without a result. */
    public void phase(String name, Runnable work) {
        phase(name, () -> {
            work.run();
            return null;
        });
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
