package org.isofield.core.compute;

/** One kernel of a built {@link Program}; launches go onto the device's queue and return at once. */
public interface Kernel {
    /** The kernel's name in its source. */
    String name();

    /**
     * Enqueues a launch. Errors the backend reports at once (bad geometry, bad arguments, a lost device) throw a
     * {@link ComputeException} naming the kernel, the geometry and the arguments; errors during the run surface at
     * the next synchronising call.
     */
    void launch(Launch launch, KernelArgs args);
}
