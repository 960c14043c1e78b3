package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.train.NeuralField;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.testing.TestFields;
import org.isofield.render.testing.VulkanTesting;
import org.isofield.render.vulkan.VulkanContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield render}: a mesh and a point cloud side by side into a PNG, with the validation layer on. */
class CliRenderTest {
    @TempDir
    Path dir;

    @Test
    void rendersAMeshAndACloudSideBySide() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        Path mesh = dir.resolve("torus.ply");
        Meshes.write(Shapes.byName("torus").toMesh(32), mesh);
        Path cloud = dir.resolve("sphere.xyz");
        PointClouds.write(SurfaceSampler.sample(Shapes.byName("sphere").toMesh(16), 4000, 3L), cloud);
        Path png = dir.resolve("out.png");
        CliTest.Result r = CliTest.run("render", mesh.toString(), cloud.toString(), "-o", png.toString(),
                "--width", "200", "--height", "100", "--view", "front", "--mode", "wireframe", "--background", "white",
                "--vulkan-validation");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "200x100", "2 inputs");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(200);
        assertThat(img.getHeight()).isEqualTo(100);
        int drawn = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                drawn += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        assertThat(drawn).isGreaterThan(1000);
        assertThat(CliTest.run("render", mesh.toString(), "-o", png.toString()).code())
                .as("existing output without --force").isNotZero();
    }

    @Test
    void rendersAFieldNextToAMesh() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        Path mesh = dir.resolve("sphere.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(24), mesh);
        FieldSurface sphere = TestFields.sphere(0.3, 32, 0.3, new Vec3d(0.5, 0.5, 0.5));
        NeuralField f = sphere.field();
        Path isf = dir.resolve("sphere.isf");
        FieldFiles.write(FieldFile.of(NeuralFieldFiles.KIND, f.config().toJsonText(), sphere.scale(),
                new double[] {0.5, 0.5, 0.5}, f.blocks()), isf, false);
        Path png = dir.resolve("field.png");
        CliTest.Result r = CliTest.run("render", mesh.toString(), isf.toString(), "-o", png.toString(),
                "--width", "160", "--height", "80", "--view", "front", "--framing", "each", "--background", "black",
                "--vulkan-validation");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "160x80", "2 inputs");
        BufferedImage img = ImageIO.read(png.toFile());
        int[] drawn = new int[2];
        for (int y = 20; y < 80; y++) {
            for (int x = 0; x < 160; x++) {
                drawn[x / 80] += (img.getRGB(x, y) & 0xffffff) != 0 ? 1 : 0;
            }
        }
        assertThat(drawn[1]).as("field tile pixels").isGreaterThan(300);
        assertThat((double) drawn[1] / drawn[0]).as("field tile vs mesh tile coverage").isBetween(0.2, 1.2);
    }

    /** On llvmpipe a network beyond its shader loop limit (128 wide, 8 hidden layers) is a usage error naming it. */
    @Test
    void aFieldTooBigForLlvmpipeIsRefusedThere() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        try (VulkanContext ctx = VulkanContext.create(false)) {
            Assumptions.assumeTrue(ctx.physical().name().startsWith("llvmpipe"),
                    "not llvmpipe: " + ctx.physical().name());
        }
        NeuralField f = TestFields.random(new HashGridConfig(2, 2, 12, 4, 1.5, Interpolation.LINEAR),
                new MlpConfig(128, 8, Activation.RELU, Activation.NONE), 3);
        Path isf = dir.resolve("wide.isf");
        FieldFiles.write(FieldFile.of(NeuralFieldFiles.KIND, f.config().toJsonText(), 1, new double[] {0, 0, 0},
                f.blocks()), isf, false);
        CliTest.Result r = CliTest.run("render", isf.toString(), "-o", dir.resolve("wide.png").toString(),
                "--width", "16", "--height", "12");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("network", "width 128 with 8 hidden layers", "65535", "llvmpipe");
        assertThat(dir.resolve("wide.png")).doesNotExist();
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() throws Exception {
        Path mesh = dir.resolve("s.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(4), mesh);
        String out = dir.resolve("x.png").toString();
        CliTest.Result view = CliTest.run("render", mesh.toString(), "-o", out, "--view", "sideways");
        assertThat(view.code()).isEqualTo(2);
        assertThat(view.err()).contains("--view", "iso, front, side, top");
        CliTest.Result colour = CliTest.run("render", mesh.toString(), "-o", out, "--background", "#zz0000");
        assertThat(colour.code()).isEqualTo(2);
        assertThat(colour.err()).contains("--background", "#rrggbb");
        CliTest.Result jpg = CliTest.run("render", mesh.toString(), "-o", dir.resolve("x.jpg").toString());
        assertThat(jpg.code()).isEqualTo(2);
        assertThat(jpg.err()).contains("expected a .png file");
        Path field = dir.resolve("f.isf");
        Files.writeString(field, "x");
        CliTest.Result isf = CliTest.run("render", field.toString(), "-o", out);
        assertThat(isf.code()).as("a broken field file").isNotZero();
        assertThat(isf.err()).contains("f.isf");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void rendersADistanceSliceOfAField() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        FieldSurface sphere = TestFields.sphere(0.3, 32, 0.3, new Vec3d(0.5, 0.5, 0.5));
        NeuralField f = sphere.field();
        Path isf = dir.resolve("slice.isf");
        FieldFiles.write(FieldFile.of(NeuralFieldFiles.KIND, f.config().toJsonText(), sphere.scale(),
                new double[] {0.5, 0.5, 0.5}, f.blocks()), isf, false);
        Path png = dir.resolve("slice.png");
        CliTest.Result r = CliTest.run("render", isf.toString(), "-o", png.toString(), "--slice", "z,0.5",
                "--width", "96", "--height", "96", "--view", "front", "--background", "black", "--vulkan-validation");
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        int centre = img.getRGB(48, 48);
        assertThat(centre & 255).as("blue inside, at the centre").isGreaterThan((centre >> 16 & 255) + 40);
        int red = 0;
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                int c = img.getRGB(x, y);
                red += (c >> 16 & 255) > (c & 255) + 40 ? 1 : 0;
            }
        }
        assertThat(red).as("red pixels (outside the sphere, inside the cube)").isGreaterThan(500);
    }

    @Test
    void badSlicesAreUsageErrors() throws Exception {
        Path mesh = dir.resolve("s2.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(4), mesh);
        String out = dir.resolve("y.png").toString();
        CliTest.Result axis = CliTest.run("render", mesh.toString(), "-o", out, "--slice", "w,0.5");
        assertThat(axis.code()).isEqualTo(2);
        assertThat(axis.err()).contains("--slice", "axis 'w'", "x, y or z");
        CliTest.Result noField = CliTest.run("render", mesh.toString(), "-o", out, "--slice", "z,0.5");
        assertThat(noField.code()).isEqualTo(2);
        assertThat(noField.err()).contains("--slice", "no .isf field");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }
}
