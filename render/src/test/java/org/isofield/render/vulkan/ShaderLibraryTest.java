package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.isofield.core.IsofieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every GLSL shader compiles to SPIR-V with shaderc; needs no Vulkan driver. */
class ShaderLibraryTest {
    @ParameterizedTest
    @ValueSource(strings = {"mesh.vert", "mesh.frag", "points.vert", "points.frag", "field_trace.comp",
            "field_eval.comp"})
    void compilesToSpirv(String name) {
        byte[] code = ShaderLibrary.spirv(name);
        assertThat(code.length % 4).isZero();
        assertThat(ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).getInt(0)).as("SPIR-V "
                + "magic").isEqualTo(0x07230203);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mesh.vert", "mesh.frag", "points.vert", "points.frag"})
    void rasterVariantsCompile(String name) {
        for (List<String> defines : List.of(List.of("SCALAR"), List.of("CLIP"), List.of("SCALAR", "CLIP"))) {
            byte[] code = ShaderLibrary.spirv(name, defines);
            assertThat(ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).getInt(0)).as(name + " " + defines)
                    .isEqualTo(0x07230203);
        }
        assertThat(ShaderLibrary.source(name, List.of("CLIP"))).startsWith("#version 450\n#define CLIP 1\n");
        assertThat(ShaderLibrary.spirv(name, List.of("SCALAR"))).as("the SCALAR variant differs from the plain shader")
                .isNotEqualTo(ShaderLibrary.spirv(name));
    }

    @Test
    void includesAreExpanded() {
        assertThat(ShaderLibrary.source("mesh.frag")).contains("uniform FrameParams").doesNotContain("#include");
    }

    @Test
    void aMissingShaderNamesTheResource() {
        assertThatThrownBy(() -> ShaderLibrary.spirv("nope.frag")).isInstanceOf(IsofieldException.class)
                .hasMessageContaining("/org/isofield/shaders/glsl/nope.frag");
    }
}
