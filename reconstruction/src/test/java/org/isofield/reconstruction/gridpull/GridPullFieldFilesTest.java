package org.isofield.reconstruction.gridpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.isofield.core.FormatException;
import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.Reconstruction;
import org.junit.jupiter.api.Test;

class GridPullFieldFilesTest {
    private static final Path NAME = Path.of("grid.isf");

    /** A 24^3 grid (3^3 bricks) with 4 stored bricks, seeded values and a mix of labels. */
    static SparseGrid smallGrid(long seed) {
        int n = 24;
        int nb = 3;
        int[] directory = new int[nb * nb * nb];
        Arrays.fill(directory, -1);
        int[] cells = {4, 13, 14, 22};
        for (int b = 0; b < cells.length; b++) {
            directory[cells[b]] = b;
        }
        byte[] label = new byte[nb * nb * nb];
        Arrays.fill(label, (byte) 1);
        for (int b : new int[] {0, 13, 14, 26}) {
            label[b] = -1;
        }
        SparseGrid g = new SparseGrid(n, directory, label, cells, 4f);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < g.values.length; i++) {
            g.values[i] = (float) (r.nextDouble() * 8 - 4);
        }
        return g;
    }

    static FieldFile packed(SparseGrid g) {
        return GridPullFieldFiles.pack(g, 13, new Vec3d(1.5, -2, 1e3), 2.5, 0.01);
    }

    @Test
    void roundTripIsBitwise() {
        SparseGrid g = smallGrid(3L);
        FieldFile f = packed(g);
        assertThat(f.block("values")).isSameAs(g.values);
        byte[] bytes = FieldFiles.toBytes(f);
        FieldFile back = FieldFiles.fromBytes(bytes, NAME);
        assertThat(back).isEqualTo(f);
        assertThat(FieldFiles.toBytes(back)).isEqualTo(bytes);
        GridPullFieldFiles.Stored s = GridPullFieldFiles.unpack(back, NAME);
        assertThat(s.gridResolution()).isEqualTo(13);
        assertThat(s.minPieceFraction()).isEqualTo(0.01);
        assertThat(s.grid().n).isEqualTo(g.n);
        assertThat(s.grid().directory).isEqualTo(g.directory);
        assertThat(s.grid().label).isEqualTo(g.label);
        assertThat(s.grid().brickCells).isEqualTo(g.brickCells);
        assertThat(Float.floatToRawIntBits(s.grid().farValue)).isEqualTo(Float.floatToRawIntBits(g.farValue));
        assertThat(s.grid().values).isEqualTo(g.values);
        GridPullFieldFiles.Summary sum = GridPullFieldFiles.summary(back, NAME);
        assertThat(sum).isEqualTo(new GridPullFieldFiles.Summary(24, 13, 4, 4f, 0.01));
    }

    @Test
    void transformMapsTheFrameToTheUnitCube() {
        FieldFile f = packed(smallGrid(1L));
        assertThat(f.scale()).isEqualTo(1 / 2.5);
        double[] t = f.translation();
        // the centre maps to 0.5, a point half the longest side further to 1
        assertThat(f.scale() * 1.5 + t[0]).isCloseTo(0.5, Offset.offset(1e-12));
        assertThat(f.scale() * (1e3 + 1.25) + t[2]).isCloseTo(1.0, Offset.offset(1e-12));
    }

    @Test
    void labelRunsStartWithOutsideAndSplitLongRuns() {
        assertThat(GridPullFieldFiles.runs(new byte[] {-1, -1, 1, -1})).containsExactly(0, 2, 1, 1);
        assertThat(GridPullFieldFiles.runs(new byte[] {1, 1, 1})).containsExactly(3);
        byte[] longRun = new byte[GridPullFieldFiles.MAX_RUN + 5];
        Arrays.fill(longRun, (byte) 1);
        assertThat(GridPullFieldFiles.runs(longRun)).containsExactly(GridPullFieldFiles.MAX_RUN, 0, 5);
        assertThatThrownBy(() -> GridPullFieldFiles.runs(new byte[] {1, 0})).hasMessageContaining("expected +1 or -1");
    }

    private static FieldFile withBlock(FieldFile f, String name, float[] values) {
        Map<String, float[]> blocks = new LinkedHashMap<>(f.blocks());
        if (values == null) {
            blocks.remove(name);
        } else {
            blocks.put(name, values);
        }
        return new FieldFile(f.kind(), f.configJson(), f.scale(), f.translation(), blocks, Map.of(), null);
    }

    private static FieldFile withConfig(FieldFile f, String from, String to) {
        assertThat(f.configJson()).contains(from);
        return new FieldFile(f.kind(), f.configJson().replace(from, to), f.scale(), f.translation(), f.blocks(),
                Map.of(), null);
    }

    private static void rejects(FieldFile f, String... parts) {
        FieldFile read = FieldFiles.fromBytes(FieldFiles.toBytes(f), NAME);
        assertThatThrownBy(() -> GridPullFieldFiles.unpack(read, NAME)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith("grid.isf: ").hasMessageContainingAll(parts);
    }

    private static float[] edited(float[] a, Consumer<float[]> edit) {
        float[] c = a.clone();
        edit.accept(c);
        return c;
    }

    @Test
    void damagedBlocksAreFormatErrorsNamingTheBlock() {
        FieldFile f = packed(smallGrid(5L));
        float[] bricks = f.block("bricks");
        rejects(withBlock(f, "bricks", edited(bricks, b -> b[4] = 3)), "block \"bricks\"", "index 4 (brick 1, y)",
                "expected a whole number 0 to 2");
        rejects(withBlock(f, "bricks", edited(bricks, b -> b[0] = 0.5f)), "block \"bricks\"", "0.5");
        rejects(withBlock(f, "bricks", edited(bricks, b -> System.arraycopy(b, 3, b, 6, 3))), "block \"bricks\"",
                "brick 2", "repeats brick 1");
        rejects(withBlock(f, "bricks", Arrays.copyOf(bricks, 10)), "block \"bricks\"", "has 10 values",
                "3 per stored brick");
        rejects(withBlock(f, "values", Arrays.copyOf(f.block("values"), 4 * 512 - 1)), "block \"values\"",
                "has 2047 values", "expected 2048");
        rejects(withBlock(f, "bricks", Arrays.copyOf(bricks, 9)), "block \"values\"", "expected 1536");
        float[] labels = f.block("labels");
        rejects(withBlock(f, "labels", edited(labels, l -> l[0] += 1)), "block \"labels\"",
                "expected runs summing to 27");
        rejects(withBlock(f, "labels", Arrays.copyOf(labels, labels.length - 1)), "block \"labels\"",
                "expected 27");
        rejects(withBlock(f, "labels", edited(labels, l -> l[1] = -1)), "block \"labels\"", "run 1 is -1.0");
        rejects(withBlock(f, "values", null), "block \"values\" is missing");
        rejects(withBlock(f, "extra", new float[1]), "block \"extra\" is unknown");
    }

    @Test
    void inconsistentConfigIsAFormatError() {
        FieldFile f = packed(smallGrid(6L));
        rejects(withConfig(f, "\"samples_per_axis\" : 24", "\"samples_per_axis\" : 20"), "samples_per_axis = 20",
                "multiple of 8");
        rejects(withConfig(f, "\"grid_resolution\" : 13", "\"grid_resolution\" : 24"), "grid_resolution = 24",
                "1 to 23");
        rejects(withConfig(f, "\"brick_size\" : 8", "\"brick_size\" : 4"), "brick_size = 4", "equal to 8");
        rejects(withConfig(f, "\"far_value\" : 4.0", "\"far_value\" : -1"), "far_value = -1.0", "above 0");
        rejects(withConfig(f, "\"brick_size\" : 8", "\"brick_size\" : 8, \"extra\" : 1"), "\"extra\" is unknown");
        rejects(withConfig(f, "\"samples_per_axis\" : 24", "\"samples_per_axis\" : 32"), "block \"labels\"",
                "expected 64");
        FieldFile neural = new FieldFile("neural", f.configJson(), f.scale(), f.translation(), f.blocks(), Map.of(),
                null);
        rejects(neural, "field kind \"neural\"", "expected \"gridpull-sparse\"");
    }

    @Test
    void extractingTheSavedFieldGivesTheReconstructedMesh() {
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName("torus").toMesh(64), 3000, 2L);
        for (int resolution : new int[] {0, 48}) {
            GridPullConfig c = GridPullTest.QUICK;
            if (resolution > 0) {
                c = Configs.with(c, "resolution", resolution);
            }
            Reconstruction r = new GridPull(c).run(cloud, Progress.NONE);
            FieldFile saved = FieldFiles.fromBytes(FieldFiles.toBytes(r.savedField().orElseThrow()), NAME);
            TriangleMesh raw = GridPullFieldExtractor.extract(saved, NAME, resolution, Progress.NONE);
            TriangleMesh mesh = GridPullFieldExtractor.clean(raw, saved, NAME).mesh();
            TriangleMesh expected = r.mesh();
            assertThat(mesh.faceCount()).as("resolution %d", resolution).isEqualTo(expected.faceCount());
            assertThat(mesh.vertexCount()).isEqualTo(expected.vertexCount());
            assertThat(mesh.faces()).isEqualTo(expected.faces());
            assertThat(mesh.vertices()).isEqualTo(expected.vertices());
            assertThat(mesh.normals()).isEqualTo(expected.normals());
            Vec3d d = mesh.origin().minus(expected.origin());
            assertThat(Math.max(Math.abs(d.x()), Math.max(Math.abs(d.y()), Math.abs(d.z())))).isLessThan(1e-12);
        }
    }
}
