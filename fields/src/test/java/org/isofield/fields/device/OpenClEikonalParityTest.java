package org.isofield.fields.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;

/** Loss kernels against their CPU twins on OpenCL (POCL here, required in CI). */
class OpenClEikonalParityTest extends EikonalParityContract {
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
