package org.isofield.reconstruction.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.isofield.core.Progress;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.testing.SharedData;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quality target: default config, 500 steps (about 2.5 minutes on two cores), extraction at 256^3,
 * Chamfer-L1 against the mesh at most 0.004. Measured via the CLI on spot-lowres: 0.00210 (floor 0.0021).
 */
@Tag("slow")
class SdfFitSlowTest {
    @ParameterizedTest
    @ValueSource(strings = {"spot-lowres.obj", "bunny-closed.obj", "boot.obj"})
    void defaultConfigReachesTheChamferTarget(String name) {
        TriangleMesh mesh = Meshes.read(SharedData.mesh(name));
        SdfFit.Result r = SdfFit.fit(mesh, NeuralFieldConfig.DEFAULT, 500, 0, Progress.NONE);
        TriangleMesh out = FieldExtractor.extract(r.toFieldFile(), FieldExtractor.DEFAULT_RESOLUTION, Progress.NONE);
        SurfaceReport s = SurfaceMetrics.evaluate(out, mesh);
        System.out.printf("%s: %.1f steps/s, %.0f samples/s, chamfer-L1 %.5f%n", name,
                r.training().stepsPerSecond(), r.training().samplesPerSecond(), s.chamferL1());
        assertThat(s.chamferL1()).as(name).isLessThanOrEqualTo(0.004);
    }
}
