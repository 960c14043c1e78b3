package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.TestFields;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace kernel on a field of the default shape (16 levels, 2^19 rows, 64x2 MLP: about 6,600 shader loop
 * iterations per evaluation). On llvmpipe a single invocation used to run out of loop iterations after about ten
 * evaluations ({@link LoopBudget}), and every pixel whose ray took more got the field 0 and the zero-gradient fallback
 * normal (issue 5's flat normals). Here the same sphere is stored in a field of the default shape and in a one-level,
 * 16-wide field (equal to the last bit, see {@link TestFields#sphere(double, double, HashGridConfig, MlpConfig, double,
 * Vec3d)}), a quarter of the distance each, so that every ray takes 15 or more steps; their normals images must agree.
 * 24x18 pixels without empty-space skipping (its lattice would take 275k evaluations of the big field). Validation
 * layer on; any warning or error fails.
 */
class DefaultFieldTraceTest {
    static final int W = 24;
    static final int H = 18;
    private static final Vec3d CENTRE = new Vec3d(0.5, 0.5, 0.5);
    private static VulkanContext ctx;

    @BeforeAll
    static void open() {
        ctx = VulkanTesting.openWithValidation();
    }

    @AfterAll
    static void close() {
        VulkanTesting.closeWithoutMessages(ctx);
    }

    private static BufferedImage normals(FieldSurface field, String name) {
        try (FieldTracer tracer = new FieldTracer(ctx, field)) {
            tracer.setEmptySpaceSkipping(false);
            BufferedImage img = tracer.render(SphereRenderTest.CAMERA, DrawStyle.of(RenderMode.NORMALS, Rgb.BLACK), W,
                    H);
            Pictures.keep(img, name);
            return img;
        }
    }

    @Test
    void defaultShapeTracesLikeASmallFieldWithTheSameValues() {
        FieldSurface big = TestFields.sphere(0.3, 0.25, HashGridConfig.DEFAULT, MlpConfig.DEFAULT, 0.3, CENTRE);
        HashGridConfig oneLevel = new HashGridConfig(1, 2, 19, HashGridConfig.DEFAULT.baseResolution(),
                HashGridConfig.DEFAULT.perLevelScale(), Interpolation.LINEAR);
        FieldSurface small = TestFields.sphere(0.3, 0.25, oneLevel, new MlpConfig(16, 1, Activation.RELU,
                Activation.NONE), 0.3, CENTRE);
        float[] at = {0.5f, 0.5f, 0.5f, 0.9f, 0.2f, 0.6f};
        float[] a = new float[2];
        float[] b = new float[2];
        big.field().evaluate(at, 2, a);
        small.field().evaluate(at, 2, b);
        assertThat(a).as("the two fields on the CPU").containsExactly(b);
        BufferedImage expected = normals(small, "field-default-shape-reference");
        BufferedImage actual = normals(big, "field-default-shape");
        int covered = 0;
        int differ = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                covered += Pictures.differs(expected, x, y, 0) ? 1 : 0;
                differ += apart(expected.getRGB(x, y), actual.getRGB(x, y), 2) ? 1 : 0;
            }
        }
        assertThat(covered).as("pixels the sphere covers").isGreaterThan(W * H / 10);
        assertThat(differ).as("pixels more than 2 levels apart, of %d covered",
                covered).isLessThanOrEqualTo(W * H / 200);
    }

    /** Whether two colours differ by more than {@code tol} levels in some channel. */
    private static boolean apart(int a, int b, int tol) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 255) - (b >> shift & 255)) > tol) {
                return true;
            }
        }
        return false;
    }
}
