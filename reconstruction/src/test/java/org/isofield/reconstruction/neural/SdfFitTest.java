package org.isofield.reconstruction.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.isofield.core.FormatException;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.reconstruction.InvalidMeshException;
import org.isofield.reconstruction.mc.MarchingCubes;
import org.isofield.reconstruction.mc.SampleGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SdfFitTest {
    /** A small field that fits a torus in a few seconds: 8 levels, 2^14 table, batch 2^12, Adam at 1e-2. */
    static NeuralFieldConfig small(String... more) {
        List<String> sets = new ArrayList<>(List.of("encoding.n_levels=8", "encoding.log2_hashmap_size=14",
                "optimizer.nested.nested.learning_rate=0.01", "batch_size=4096"));
        sets.addAll(List.of(more));
        return NeuralFieldConfig.load(null, sets);
    }

    static TriangleMesh torus;
    static SdfFit.Result fitted;

    @BeforeAll
    static void fit() {
        torus = Shapes.byName("torus").toMesh(48);
        fitted = SdfFit.fit(torus, small(), 300, 7, Progress.NONE);
    }

    @Test
    void fitsATorusWithinChamferTolerance() {
        TriangleMesh mesh = FieldExtractor.extract(fitted.toFieldFile(), 96, Progress.NONE);
        SurfaceReport r = SurfaceMetrics.evaluate(mesh, torus);
        assertThat(r.chamferL1()).as(r.toString()).isLessThan(0.02);
        assertThat(MeshChecks.check(mesh).isClosedManifold()).isTrue();
        assertThat(fitted.training().finalLoss()).isFinite();
    }

    @Test
    void fieldFileRoundTripExtractsTheInMemoryField() {
        FieldFile file = fitted.toFieldFile();
        assertThat(file.kind()).isEqualTo("neural");
        assertThat(file.blocks()).containsOnlyKeys("encoding", "network");
        FieldFile back = FieldFiles.fromBytes(FieldFiles.toBytes(file), null);
        assertThat(back).isEqualTo(file);
        TriangleMesh fromFile = FieldExtractor.extract(back, 48, Progress.NONE);
        TriangleMesh inMemory = fitted.normalization().inverse()
                .apply(MarchingCubes.extract(fitted.field()::evaluate, SampleGrid.unitCube(48)));
        assertThat(Arrays.equals(fromFile.faces(), inMemory.faces())).isTrue();
        assertThat(Arrays.equals(fromFile.vertices(), inMemory.vertices())).isTrue();
        assertThat(fromFile.origin()).isEqualTo(inMemory.origin());
    }

    @Test
    void blocksNotMatchingTheConfigAreAFormatError() {
        FieldFile file = fitted.toFieldFile();
        FieldFile other = FieldFile.of(file.kind(), small("encoding.n_levels=6").toJsonText(), file.scale(),
                file.translation(), file.blocks());
        assertThatThrownBy(() -> FieldExtractor.extract(other, 16, Progress.NONE))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("\"encoding\"");
    }

    @Test
    void otherKindIsAFormatError() {
        FieldFile file = fitted.toFieldFile();
        FieldFile other = FieldFile.of("gridpull-sparse", file.configJson(), file.scale(), file.translation(),
                file.blocks());
        assertThatThrownBy(() -> FieldExtractor.extract(other, 16, Progress.NONE))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("gridpull-sparse");
    }

    @Test
    void corruptedFileIsAFormatError() {
        byte[] bytes = FieldFiles.toBytes(fitted.toFieldFile());
        bytes[bytes.length / 2] ^= 0x5a;
        assertThatThrownBy(() -> FieldFiles.fromBytes(bytes, null)).isInstanceOf(FormatException.class);
    }

    @Test
    void meshWithoutFacesIsRejected() {
        TriangleMesh empty = TriangleMesh.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[0]);
        assertThatThrownBy(() -> SdfFit.fit(empty, small(), 10, 1, Progress.NONE))
                .isInstanceOf(InvalidMeshException.class)
                .hasMessageContaining("no faces");
    }

    @Test
    void nanLossStopsWithTheStep() {
        assertThatThrownBy(() -> SdfFit.fit(torus, small("optimizer.nested.nested.learning_rate=1e30"), 50, 1,
                Progress.NONE))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("loss became")
                .satisfies(e -> assertThat(((NumericalException) e).step()).isPositive());
    }
}
