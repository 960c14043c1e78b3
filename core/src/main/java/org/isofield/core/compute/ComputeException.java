package org.isofield.core.compute;

import org.isofield.core.IsofieldException;

/**
 * A call into a compute backend failed: a build, an allocation, a transfer or a launch. The message names the call,
 * the kernel and its arguments, and the backend's error code and name, e.g. {@code cuLaunchKernel(mlp_forward, grid
 * 2048x1, block 128; args n=262144, ...) failed: CUDA_ERROR_ILLEGAL_ADDRESS (700)}. Exit code 4, as a backend that
 * cannot do what was asked.
 */
public class ComputeException extends IsofieldException {
    private static final long serialVersionUID = 1L;
    private final Backend backend;

    public ComputeException(Backend backend, String message) {
        this(backend, message, null);
    }

    public ComputeException(Backend backend, String message, Throwable cause) {
        super(backend + ": " + message, EXIT_BACKEND, cause);
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }
}
