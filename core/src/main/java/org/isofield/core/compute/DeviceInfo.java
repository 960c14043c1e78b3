package org.isofield.core.compute;

import java.util.Locale;

/**
 * What a compute device is and can do.
 *
 * @param backend            {@link Backend#OPENCL} or {@link Backend#CUDA}
 * @param name               the device's own name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param gpu                whether it is a GPU (POCL's CPU device is not)
 * @param totalMemoryBytes   global memory
 * @param maxAllocationBytes the largest single allocation (OpenCL's {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE})
 * @param computeUnits       multiprocessors or compute units
 * @param maxBlockSize       most threads (work items) in one block (work group)
 * @param localMemoryBytes   shared (local) memory one block may use
 * @param computeCapability  CUDA compute capability times 10 (90 for Hopper); 0 on OpenCL
 * @param version            driver and API version, for logs
 */
public record DeviceInfo(Backend backend, String name, boolean gpu, long totalMemoryBytes, long maxAllocationBytes,
                         int computeUnits, int maxBlockSize, long localMemoryBytes, int computeCapability,
                         String version) {
    /** Whether half-precision tensor cores ({@code mma.sync}, WMMA) are there: CUDA, compute capability 7.0+. */
    public boolean tensorCores() {
        return backend == Backend.CUDA && computeCapability >= 70;
    }

    /** One line for logs: {@code cuda NVIDIA H100 (sm_90, 132 units, 79.6 GB)}. */
    public String describe() {
        String arch = computeCapability > 0 ? "sm_" + computeCapability + ", " : gpu ? "GPU, " : "CPU device, ";
        return String.format(Locale.ROOT, "%s %s (%s%d units, %.1f GB; %s)", backend, name, arch, computeUnits,
                totalMemoryBytes / 1e9, version);
    }
}
