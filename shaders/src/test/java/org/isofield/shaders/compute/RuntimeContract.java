package org.isofield.shaders.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.DeviceEvent;
import org.isofield.core.compute.DeviceMemoryException;
import org.isofield.core.compute.Kernel;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.junit.jupiter.api.Test;

/** The compute runtime's contract, run on each backend's device by a subclass. */
abstract class RuntimeContract {
    abstract ComputeDevice device();

    private Kernel kernel(String name) {
        return device().program(ComputeModules.get("selftest")).kernel(name);
    }

    @Test
    void uploadsDownloadsFillsAndCopiesWithinRanges() {
        float[] x = new float[100_003];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        try (DeviceArray a = device().upload(x, "x"); DeviceArray b = device().allocateFloats(x.length, "b")) {
            assertThat(a.toFloatArray()).containsExactly(x);
            b.fill(2.5f);
            b.copyFrom(a, 10, 20, 1000);
            float[] got = b.toFloatArray();
            assertThat(got[19]).isEqualTo(2.5f);
            assertThat(got[20]).isEqualTo(x[10]);
            assertThat(got[1019]).isEqualTo(x[1009]);
            assertThat(got[1020]).isEqualTo(2.5f);
            DeviceArray view = b.slice(5000, 100);
            view.upload(new float[] {7f, 8f}, 0, 98, 2);
            view.fill(-1f, 0, 3);
            float[] part = new float[4];
            b.download(5000, part, 0, 4);
            assertThat(part).containsExactly(-1f, -1f, -1f, got[5003]);
            assertThat(b.toFloatArray()[5099]).isEqualTo(8f);
            assertThatThrownBy(() -> view.fill(0f, 99, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside \"b[5000..5100)\" of 100 elements");
        }
    }

    @Test
    void launchesAKernelOverAPartialLastBlock() {
        int n = 1000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.5f;
            y[i] = 1f;
        }
        try (DeviceArray dx = device().upload(x, "x"); DeviceArray dy = device().upload(y, "y")) {
            kernel("saxpy").launch(Launch.over(n, 128), KernelArgs.of().i32("n", n).f32("a", 2f).array("x", dx)
                    .array("y", dy));
            float[] out = dy.toFloatArray();
            for (int i = 0; i < n; i++) {
                assertThat(out[i]).isEqualTo(2f * x[i] + 1f);
            }
        }
    }

    @Test
    void intArraysAndViewsAsKernelArguments() {
        try (DeviceArray a = device().allocateInts(512, "ints")) {
            a.fill(-5, 0, 512);
            kernel("iota").launch(Launch.over(256, 64), KernelArgs.of().i32("n", 256).i32("offset", 100)
                    .array("out", a.slice(256, 256)));
            int[] got = a.toIntArray();
            assertThat(got[255]).isEqualTo(-5);
            assertThat(got[256]).isEqualTo(100);
            assertThat(got[511]).isEqualTo(355);
        }
    }

    @Test
    void floatAtomicsAndLocalMemoryReductions() {
        int n = 1 << 16;
        float[] x = new float[n];
        double[] expect = new double[7];
        double total = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (i % 13) * 0.25f;
            expect[i % 7] += x[i];
            total += x[i];
        }
        try (DeviceArray dx = device().upload(x, "x"); DeviceArray bins = device().allocateFloats(7, "bins");
             DeviceArray partial = device().allocateFloats(n / 256, "partial")) {
            bins.zero();
            kernel("atomic_bins").launch(Launch.over(n, 256), KernelArgs.of().i32("n", n).i32("bins", 7)
                    .array("x", dx).array("out", bins));
            float[] got = bins.toFloatArray();
            for (int b = 0; b < 7; b++) {
                assertThat((double) got[b]).isEqualTo(expect[b]); // quarter steps: every partial sum is exact
            }
            kernel("block_sums").launch(Launch.over(n, 256), KernelArgs.of().i32("n", n).array("x", dx)
                    .array("partial", partial));
            double sum = 0;
            for (float p : partial.toFloatArray()) {
                sum += p;
            }
            assertThat(sum).isEqualTo(total);
        }
    }

    @Test
    void eventsTimeTheQueue() {
        DeviceEvent a = device().record();
        try (DeviceArray big = device().allocateFloats(1 << 20, "big")) {
            big.fill(1f);
        }
        DeviceEvent b = device().record();
        assertThat(b.millisSince(a)).isGreaterThanOrEqualTo(0.0);
        device().synchronize();
    }

    @Test
    void anAllocationLargerThanTheDeviceIsRefusedWithTheFigures() {
        long tooMany = device().info().totalMemoryBytes() / 4 + 1024;
        assertThatThrownBy(() -> device().allocateFloats(tooMany, "huge")).isInstanceOf(DeviceMemoryException.class)
                .hasMessageContaining("array \"huge\" needs").hasMessageContaining("free of")
                .satisfies(e -> assertThat(((DeviceMemoryException) e).requestedBytes()).isEqualTo(4 * tooMany));
        assertThatThrownBy(() -> device().requireMemory(Long.MAX_VALUE / 2, "the plan", "lower the batch size"))
                .isInstanceOf(DeviceMemoryException.class).hasMessageContaining("the plan needs")
                .hasMessageContaining("; lower the batch size");
    }

    @Test
    void aFailedLaunchNamesTheCallTheKernelAndTheArguments() {
        try (DeviceArray dx = device().allocateFloats(8, "x")) {
            // one argument short: the driver refuses the launch (OpenCL: unset argument; CUDA: a short parameter list
            // is checked before the launch)
            assertThatThrownBy(() -> kernel("saxpy").launch(Launch.over(8, 8), KernelArgs.of().i32("n", 8)
                    .f32("a", 2f).array("x", dx))).isInstanceOf(ComputeException.class)
                    .hasMessageContaining("saxpy").hasMessageContaining("n=8").hasMessageContaining("x");
        }
    }

    @Test
    void anUnknownKernelIsNamed() {
        assertThatThrownBy(() -> kernel("no_such_kernel")).isInstanceOf(ComputeException.class)
                .hasMessageContaining("no_such_kernel").hasMessageContaining("selftest");
    }
}
