package org.isofield.fields.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;

/** The device MLP against its CPU twin on OpenCL (POCL here, required in CI). */
class OpenClMlpParityTest extends MlpParityContract {
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
