package org.isofield.reconstruction.neuralpull;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The device pull trainer against the CPU one on CUDA (tagged gpu; skips without a driver). */
@Tag("gpu")
class CudaPullParityGpuTest extends PullParityContract {
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
