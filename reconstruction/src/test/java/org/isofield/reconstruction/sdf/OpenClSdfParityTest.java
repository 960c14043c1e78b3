package org.isofield.reconstruction.sdf;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;

/** Device SDF batches against their CPU twin on OpenCL (POCL here, required in CI). */
class OpenClSdfParityTest extends DeviceSdfParityContract {
    private static ComputeDevice device;

    @BeforeAll
    static void open() {
        device = ComputeTesting.openClOrSkip();
    }

    @Override
    ComputeDevice device() {
        return device;
    }
}
