package org.isofield.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isofield.core.FormatException;
import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.gridpull.GridPullConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconstructTest {
    private static final ReconstructorConfig QUICK = Configs.with(GridPullConfig.DEFAULT, "steps", 30,
            "grid_resolution", 32);

    private static void cloud(Path file, String shape, long seed) {
        PointCloud c = SurfaceSampler.sample(Shapes.byName(shape).toMesh(48), 1500, seed);
        PointClouds.write(c, file, new WriteOptions(true, false, Progress.NONE));
    }

    @Test
    void aFolderBecomesItsMeshesWithAReportPerInputAndABadFileDoesNotStopTheOthers(@TempDir Path dir)
            throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        cloud(in.resolve("b-sphere.ply"), "sphere", 1L);
        cloud(in.resolve("a-torus.xyz"), "torus", 2L);
        Files.writeString(in.resolve("c-broken.ply"), "ply\nformat ascii 1.0\nelement vertex 3\nend_header\n1 2\n");
        Files.writeString(in.resolve("notes.md"), "not a cloud");
        List<Path> files = Reconstruct.expand(List.of(in));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("a-torus.xyz", "b-sphere.ply", "c-broken.ply");
        Path out = dir.resolve("out");
        List<Path> targets = Reconstruct.targets(files, out);
        assertThat(targets).containsExactly(out.resolve("a-torus.ply"), out.resolve("b-sphere.ply"),
                out.resolve("c-broken.ply"));
        Reconstruct.Batch batch = Reconstruct.run(files, targets, QUICK, Reconstruct.Options.DEFAULT, Progress.NONE,
                item -> { }, false);
        assertThat(batch.failed()).containsExactly(files.get(2).toString());
        assertThat(batch.items().get(2).error()).isInstanceOf(FormatException.class)
                .hasMessageContaining("c-broken.ply");
        assertThat(Meshes.read(targets.get(0)).faceCount()).isPositive();
        assertThat(targets.get(2)).doesNotExist();
        Map<String, Object> report = batch.report();
        assertThat(report).containsEntry("succeeded", 2);
        Map<String, Object> first = batch.items().get(0).report();
        assertThat(first).containsEntry("method", "GridPull").containsKeys("config", "phases_seconds", "details",
                "peak_heap_bytes", "watertight");
        @SuppressWarnings("unchecked")
        Map<String, Double> phases = (Map<String, Double>) first.get("phases_seconds");
        assertThat(phases).containsKeys("read", "gridpull.spacing", "gridpull.lattice", "gridpull.band",
                "gridpull.sign", "gridpull.surface", "gridpull.init", "gridpull.queries", "gridpull.optimize",
                "gridpull.clean", "write");
    }

    @Test
    void theOneCallBatchUsesTheDefaultsAndStopsNothingOnMissingInputs(@TempDir Path dir) {
        assertThatThrownBy(() -> Reconstruct.batch(List.of(dir.resolve("missing.ply")), dir, QUICK, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file or folder");
        assertThatThrownBy(() -> Reconstruct.expand(List.of(dir))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no input files found");
        assertThatThrownBy(() -> Reconstruct.targets(List.of(dir.resolve("a.ply"), dir.resolve("sub/a.xyz")), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both write");
    }

    @Test
    void aSavedFieldIsMeshedThroughItsKindAndAnUnknownKindIsNamed(@TempDir Path dir) {
        Path in = dir.resolve("s.ply");
        cloud(in, "sphere", 3L);
        Path field = dir.resolve("s.isf");
        Reconstruct.Batch batch = Reconstruct.run(List.of(in), List.of(dir.resolve("s-mesh.ply")), QUICK,
                new Reconstruct.Options(Reconstruct.Options.DEFAULT.read(), WriteOptions.DEFAULT, field, List.of(),
                        true),
                Progress.NONE, item -> { }, true);
        assertThat(batch.failed()).isEmpty();
        FieldFile f = FieldFiles.read(field);
        FieldKind kind = FieldKinds.of(f, field);
        assertThat(kind.display()).isEqualTo(FieldKind.Display.EXTRACTED_MESH);
        assertThat(kind.extract(f, field, FieldKind.Extraction.defaults(), Progress.NONE).mesh().faceCount())
                .isPositive();
        assertThat(kind.summary(f, field)).containsKey("grid");
        assertThatThrownBy(() -> kind.checkResolution(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 to 2048");
        FieldFile other = new FieldFile("voxels", "{}", 1, new double[3], f.blocks(), Map.of(), null);
        assertThatThrownBy(() -> FieldKinds.of(other, field)).isInstanceOf(FormatException.class)
                .hasMessageContaining("\"voxels\"").hasMessageContaining("gridpull-sparse, neural");
    }
}
