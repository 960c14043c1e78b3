package org.isofield.fields.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;

/** Device training against the CPU trainer on OpenCL (POCL here, required in CI). */
class OpenClTrainingParityTest extends TrainingParityContract {
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
