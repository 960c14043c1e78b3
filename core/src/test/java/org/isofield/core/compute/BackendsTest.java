package org.isofield.core.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.BackendUnavailableException;
import org.isofield.core.ConfigException;
import org.isofield.core.IsofieldException;
import org.isofield.core.compute.cuda.CudaProbe;
import org.isofield.core.compute.opencl.OpenClPlatforms;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @Test
    void parsesTheFourNamesAndRefusesOthers() {
        assertThat(Backend.parse("CUDA")).isEqualTo(Backend.CUDA);
        assertThat(Backend.parse("opencl")).isEqualTo(Backend.OPENCL);
        assertThatThrownBy(() -> Backend.parse("vulkan")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected auto, cpu, opencl or cuda");
        assertThatThrownBy(() -> Precision.parse("fp8")).hasMessageContaining("expected fp32 or fp16");
    }

    @Test
    void cpuIsTakenAsAskedWithoutTouchingDevices() {
        Backends.Selection s = Backends.select(Backend.CPU);
        assertThat(s.backend()).isEqualTo(Backend.CPU);
        assertThat(s.device()).isNull();
        assertThat(s.reason()).isEqualTo("asked for");
    }

    @Test
    void autoTakesCudaThenAnOpenClGpuThenTheCpuAndSaysWhy() {
        Backends.Selection s = Backends.select(Backend.AUTO);
        if (CudaProbe.probe().ok()) {
            assertThat(s.backend()).isEqualTo(Backend.CUDA);
        } else if (OpenClPlatforms.probe().firstGpu() != null) {
            assertThat(s.backend()).isEqualTo(Backend.OPENCL);
            assertThat(s.reason()).contains(CudaProbe.probe().reason());
        } else {
            assertThat(s.backend()).isEqualTo(Backend.CPU);
            assertThat(s.reason()).startsWith("auto: no CUDA (").contains(CudaProbe.probe().reason());
            if (OpenClPlatforms.probe().any()) {
                assertThat(s.reason()).contains("ask for it with backend opencl");
            }
        }
    }

    @Test
    void cudaAskedForAndMissingIsExitFourWithTheReasonNeverAFallback() {
        CudaProbe.Result r = CudaProbe.probe();
        if (r.ok()) {
            assertThat(Backends.select(Backend.CUDA).backend()).isEqualTo(Backend.CUDA);
            return;
        }
        assertThatThrownBy(() -> Backends.select(Backend.CUDA)).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("backend cuda is unavailable: " + r.reason())
                .satisfies(e -> assertThat(((IsofieldException) e).exitCode()).isEqualTo(4));
        // the probe ran once; asking again gives the same answer without touching the CUDA classes
        assertThat(CudaProbe.probe()).isSameAs(r);
    }

    @Test
    void fp16OnABackendWithoutTensorCoresIsAConfigError() {
        assertThatThrownBy(() -> Backends.select(Backend.OPENCL, Precision.FP16)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("at precision: fp16 uses CUDA tensor cores");
        assertThatThrownBy(() -> Backends.select(Backend.CPU, Precision.FP16)).isInstanceOf(ConfigException.class);
        if (!CudaProbe.probe().ok()) {
            assertThatThrownBy(() -> Backends.select(Backend.AUTO, Precision.FP16))
                    .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("precision fp16 needs CUDA");
        }
    }

    @Test
    void openClAskedForIsTakenEvenOnACpuDevice() {
        ComputeTesting.openClOrSkip();
        Backends.Selection s = Backends.select(Backend.OPENCL);
        assertThat(s.backend()).isEqualTo(Backend.OPENCL);
        assertThat(s.device().info().backend()).isEqualTo(Backend.OPENCL);
        assertThat(s.describe()).contains(s.device().info().name());
    }
}
