package org.isofield.shaders.compute;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.KernelSource;
import org.isofield.core.compute.testing.ComputeTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime contract on OpenCL (POCL here; required in CI). */
class OpenClRuntimeTest extends RuntimeContract {
    private static ComputeDevice device;

    @BeforeAll
    static void open() {
        device = ComputeTesting.openClOrSkip();
    }

    @Override
    ComputeDevice device() {
        return device;
    }

    @Test
    void aBuildFailureCarriesTheCompilerLog() {
        KernelSource bad = new KernelSource() {
            @Override
            public String cacheKey() {
                return "broken";
            }

            @Override
            public String openClSource() {
                return ComputeModules.get("selftest", Map.of()).openClSource()
                        + "\nKERNEL void oops() { undefined_name = 1; }\n";
            }

            @Override
            public String openClOptions() {
                return "";
            }

            @Override
            public byte[] cudaImage(int cc) {
                return null;
            }

            @Override
            public String cudaImageName(int cc) {
                return "none";
            }
        };
        assertThatThrownBy(() -> device.program(bad)).isInstanceOf(ComputeException.class)
                .hasMessageContaining("clBuildProgram(broken)").hasMessageContaining("undefined_name");
    }
}
