package org.isofield.reconstruction.sdf;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Device SDF batches against their CPU twin on CUDA (tagged gpu; skips without a driver). */
@Tag("gpu")
class CudaSdfParityGpuTest extends DeviceSdfParityContract {
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
