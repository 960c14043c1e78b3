package org.isofield.fields.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Loss kernels against their CPU twins on CUDA. */
@Tag("gpu")
class CudaEikonalParityGpuTest extends EikonalParityContract {
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
