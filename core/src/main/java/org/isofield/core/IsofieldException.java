package org.isofield.core;

/**
 * Base of every error isofield reports to a user. The message is written for a person: it says where the
 * problem is, what was found and what was expected. Each subclass maps to one process exit code.
 */
public class IsofieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code of a usage or config error. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of an input format error. */
    public static final int EXIT_FORMAT = 3;
    /** Exit code of an unavailable backend. */
    public static final int EXIT_BACKEND = 4;
    /** Exit code of a numerical failure. */
    public static final int EXIT_NUMERICAL = 5;
    /** Exit code of a batch in which some inputs failed. */
    public static final int EXIT_BATCH = 6;
    /** Exit code of a cancelled run. */
    public static final int EXIT_CANCELLED = 130;
    /** Exit code of any other failure (I/O, internal error). */
    public static final int EXIT_OTHER = 1;

    private final int exitCode;

    public IsofieldException(String message) {
        this(message, EXIT_OTHER, null);
    }

    public IsofieldException(String message, Throwable cause) {
        this(message, EXIT_OTHER, cause);
    }

    protected IsofieldException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code the command line uses for this error. */
    public int exitCode() {
        return exitCode;
    }
}
