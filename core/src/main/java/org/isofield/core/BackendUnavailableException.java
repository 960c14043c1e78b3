package org.isofield.core;

/** A compute or display backend the user asked for cannot be used here; exit code 4. */
public class BackendUnavailableException extends IsofieldException {
    private static final long serialVersionUID = 1L;
    private final String backend;

    public BackendUnavailableException(String backend, String reason) {
        this(backend, reason, null);
    }

    public BackendUnavailableException(String backend, String reason, Throwable cause) {
        super("backend " + backend + " is unavailable: " + reason, EXIT_BACKEND, cause);
        this.backend = backend;
    }

    public String backend() {
        return backend;
    }
}
