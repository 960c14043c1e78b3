package org.isofield.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The host colour map against the shader's table, and its shape (monotone lightness); no Vulkan. */
class ColorMapTest {
    @Test
    void theShaderHoldsTheSameAnchors() throws IOException {
        String glsl;
        try (InputStream in = ColorMapTest.class.getResourceAsStream("/org/isofield/shaders/glsl/colormap.glsl")) {
            glsl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("vec3\\((\\d+), (\\d+), (\\d+)\\) / 255\\.0").matcher(glsl);
        List<Integer> shader = new ArrayList<>();
        while (m.find()) {
            shader.add(Integer.parseInt(m.group(1)) << 16 | Integer.parseInt(m.group(2)) << 8
                    | Integer.parseInt(m.group(3)));
        }
        List<Integer> host = new ArrayList<>();
        for (int a : ColorMap.VIRIDIS.anchors()) {
            host.add(a);
        }
        assertThat(shader).isEqualTo(host);
    }

    @Test
    void endsAnchorsAndClamping() {
        ColorMap v = ColorMap.VIRIDIS;
        assertThat(v.at(0).toRgb24()).isEqualTo(0x440154);
        assertThat(v.at(1).toRgb24()).isEqualTo(0xfde725);
        assertThat(v.at(4.0 / 9).toRgb24()).isEqualTo(0x26828e);
        assertThat(v.at(-3).toRgb24()).isEqualTo(0x440154);
        assertThat(v.at(7).toRgb24()).isEqualTo(0xfde725);
        assertThat(v.at(Double.NaN).toRgb24()).isEqualTo(0x440154);
    }

    @Test
    void lightnessRisesAlongTheMap() {
        double last = -1;
        for (int i = 0; i <= 90; i++) {
            double l = ColorMap.VIRIDIS.at(i / 90.0).luminance();
            assertThat(l).as("luminance at " + i + "/90").isGreaterThan(last);
            last = l;
        }
    }
}
