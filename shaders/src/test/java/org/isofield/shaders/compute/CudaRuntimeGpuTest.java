package org.isofield.shaders.compute;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The runtime contract on CUDA, with the nvcc-built selftest images. */
@Tag("gpu")
class CudaRuntimeGpuTest extends RuntimeContract {
    private static ComputeDevice device;

    @BeforeAll
    static void open() {
        device = ComputeTesting.cudaOrSkip();
    }

    @Override
    ComputeDevice device() {
        return device;
    }
}
