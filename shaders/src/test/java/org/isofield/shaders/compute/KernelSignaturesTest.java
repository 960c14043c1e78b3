package org.isofield.shaders.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isofield.core.compute.KernelArgs.Arg.Kind.ARRAY;
import static org.isofield.core.compute.KernelArgs.Arg.Kind.FLOAT;
import static org.isofield.core.compute.KernelArgs.Arg.Kind.INT;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kernel parameter kinds read from the sources, which every launch is checked against before the driver sees it. */
class KernelSignaturesTest {
    @Test
    void parametersComeFromTheKernelDefinitions() {
        assertThat(ComputeModules.get("selftest").parameters("saxpy")).containsExactly(INT, FLOAT, ARRAY, ARRAY);
        assertThat(ComputeModules.get("mlp_fp16", Map.of("WIDTH", 64)).parameters("mlp_forward_fp16"))
                .containsExactly(INT, INT, INT, INT, INT, INT, INT, ARRAY, ARRAY, ARRAY, ARRAY, INT, ARRAY, ARRAY);
        assertThat(ComputeModules.get("sdf_batch").parameters("sdf_draw")).hasSize(12).element(9).isEqualTo(FLOAT);
        assertThat(ComputeModules.get("selftest").parameters("no_such_kernel")).isNull();
    }
}
