package org.isofield.core;

/** A run stopped because its {@link Progress} callback asked to stop; exit code 130. No partial result exists. */
public class CancelledException extends IsofieldException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String phase) {
        super("cancelled during " + phase, EXIT_CANCELLED, null);
    }
}
