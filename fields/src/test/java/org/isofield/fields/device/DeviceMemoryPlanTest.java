package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.DeviceEvent;
import org.isofield.core.compute.DeviceInfo;
import org.isofield.core.compute.DeviceMemoryException;
import org.isofield.core.compute.ElementType;
import org.isofield.core.compute.KernelSource;
import org.isofield.core.compute.Program;
import org.isofield.core.compute.testing.ComputeTesting;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.api.Test;

/**
 * A training plan that does not fit the device is refused before anything is allocated, with the figures: the POCL
 * device seen through a wrapper that reports 64 MiB free, and the default SDF config (12.2M parameters, with Adam and
 * Ema state about 250 MB).
 */
class DeviceMemoryPlanTest {
    /** The device with less free memory than it has; counts allocations. */
    static final class Small implements ComputeDevice {
        final ComputeDevice inner;
        int allocations;

        Small(ComputeDevice inner) {
            this.inner = inner;
        }

        @Override
        public DeviceInfo info() {
            return inner.info();
        }

        @Override
        public long freeMemoryBytes() {
            return 64L << 20;
        }

        @Override
        public DeviceArray allocate(ElementType type, long length, String label) {
            allocations++;
            return inner.allocate(type, length, label);
        }

        @Override
        public Program program(KernelSource source) {
            return inner.program(source);
        }

        @Override
        public DeviceEvent record() {
            return inner.record();
        }

        @Override
        public void synchronize() {
            inner.synchronize();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPlanThatDoesNotFitIsRefusedWithTheFiguresBeforeAllocating() {
        Small device = new Small(ComputeTesting.openClOrSkip());
        NeuralField field = new NeuralField(NeuralFieldConfig.DEFAULT, 1);
        DeviceMemoryException e = catchThrowableOfType(DeviceMemoryException.class,
                () -> new DeviceTrainer(device, field));
        assertThat(e.requestedBytes()).isGreaterThan(4L * field.paramCount());
        assertThat(e.freeBytes()).isEqualTo(64L << 20);
        assertThat(e.getMessage()).contains("HashGrid", "batch", "67 MB", "free", "log2_hashmap_size");
        assertThat(e.exitCode()).isEqualTo(4);
        assertThat(device.allocations).as("arrays allocated before the refusal").isZero();
    }
}
