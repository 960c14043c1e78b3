package org.isofield.fields.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Device evaluation against the CPU field on CUDA. */
@Tag("gpu")
class CudaFieldEvaluationParityGpuTest extends FieldEvaluationParityContract {
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
