package org.isofield.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.isofield.core.IsofieldException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The root {@code isofield} command: subcommands, error handling and the exit code table. */
@Command(name = "isofield",
        mixinStandardHelpOptions = true,
        versionProvider = IsofieldCommand.Version.class,
        description = "Point clouds to clean meshes through neural and discrete fields.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DemoCommand.class,
            InfoCommand.class,
            ConvertCommand.class,
            SampleCommand.class,
            NormalsCommand.class,
            PrepCommand.class,
            CleanCommand.class,
            MergeCommand.class,
            EvalCommand.class,
            CoverageCommand.class,
            FitCommand.class,
            ExtractCommand.class,
            ReconstructCommand.class,
            FieldCommand.class,
            RenderCommand.class,
            ViewCommand.class,
            FormatsCommand.class,
            ConfigCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   ok",
            "  2   usage or config error",
            "  3   input format error",
            "  4   backend unavailable",
            "  5   numerical failure",
            "  6   some inputs of a batch failed",
            "  130 cancelled",
        })
public final class IsofieldCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; try 'isofield --help'");
    }

    /** The command tree with isofield's error handling; call {@code execute(args)} on it. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new IsofieldCommand());
        cl.setExecutionStrategy(IsofieldCommand::executeWithCommonOptions);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageHandler());
        cl.setExitCodeExceptionMapper(IsofieldCommand::exitCodeOf);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int executeWithCommonOptions(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        var mixin = leaf.commandSpec().mixins().get("common");
        if (mixin != null && mixin.userObject() instanceof CommonOptions common) {
            common.apply();
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof IsofieldException e) {
            return e.exitCode();
        }
        if (t instanceof ParameterException) {
            return IsofieldException.EXIT_USAGE;
        }
        return IsofieldException.EXIT_OTHER;
    }

    /** Prints an error as one line (a stack trace only with --debug) and returns its exit code. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            boolean debug = parseResult.originalArgs().contains("--debug");
            err.println("isofield: " + describe(ex));
            if (debug) {
                ex.printStackTrace(err);
            } else if (!(ex instanceof IsofieldException) && !(ex instanceof UncheckedIOException)) {
                err.println("isofield: run with --debug for the stack trace");
            }
            err.flush();
            return exitCodeOf(ex);
        }

        private static String describe(Exception ex) {
            if (ex instanceof IsofieldException || ex instanceof UncheckedIOException) {
                return ex.getMessage();
            }
            if (ex instanceof IllegalArgumentException) {
                return "invalid argument: " + ex.getMessage();
            }
            return "internal error: " + ex;
        }
    }

    /** Usage errors: the message and a pointer to --help, not the whole usage text. */
    static final class UsageHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("isofield: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return IsofieldException.EXIT_USAGE;
        }
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = IsofieldCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "isofield " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            };
        }
    }
}
