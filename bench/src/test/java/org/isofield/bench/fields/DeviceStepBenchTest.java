package org.isofield.bench.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.Test;

/**
 * The device benchmark's setup, both benchmark methods and its teardown on OpenCL (POCL here), at a small batch: what
 * the JMH smoke of .ci/run checks for the other benchmarks. DeviceStepBench is left out of that smoke because the
 * smoke runs JMH in one plain JVM, where POCL's teardown at process exit crashed once in eleven runs after the results
 * were printed (docs/decisions/llvm-signal-handlers.md); here it runs in the test JVM like every other OpenCL test.
 */
class DeviceStepBenchTest {
    @Test
    void setupTrainStepInferenceAndTeardownRun() {
        ComputeTesting.openClOrSkip();
        DeviceStepBench b = new DeviceStepBench();
        b.batch = 4096;
        b.backend = "opencl";
        b.precision = "fp32";
        b.setup();
        try {
            double first = b.trainStep();
            double later = first;
            for (int i = 0; i < 5; i++) {
                later = b.trainStep();
            }
            assertThat(first).isFinite().isPositive();
            assertThat(later).isLessThan(first);
            assertThat(b.inference()).isFinite();
        } finally {
            b.tearDown();
        }
    }
}
