package org.isofield.core.compute;

/** A {@link KernelSource} built (OpenCL) or loaded (CUDA) on one device; its kernels are looked up once and cached. */
public interface Program {
    KernelSource source();

    /**
     * The kernel of this name.
     *
     * @throws ComputeException when the module has no such kernel
     */
    Kernel kernel(String name);
}
