package org.isofield.encodings.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;

/** Grid kernels against their CPU twins on OpenCL (POCL here, required in CI). */
class OpenClGridParityTest extends GridParityContract {
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
