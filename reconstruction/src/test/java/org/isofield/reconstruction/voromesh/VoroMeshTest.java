package org.isofield.reconstruction.voromesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.isofield.core.ConfigException;
import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.FieldKinds;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructors;
import org.isofield.reconstruction.SignedField;
import org.isofield.reconstruction.gridpull.GridPullConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default-test guarantees: two small shapes at 20k points, resolutions 32 and 64, each mesh watertight,
 * consistently oriented, free of self-intersecting pairs and with the shape's components, near the shape and with
 * fewer triangles than the same field's marching cubes at 256. GridPull's field is fitted once per shape.
 */
class VoroMeshTest {
    private static final Map<String, Fitted> FITTED = new HashMap<>();

    record Fitted(TriangleMesh truth, PointCloud cloud, FieldFile field, TriangleMesh marchingCubes) {
    }

    static synchronized Fitted fitted(String shape) {
        return FITTED.computeIfAbsent(shape, s -> {
            TriangleMesh truth = Shapes.byName(s).toMesh(128);
            PointCloud cloud = SurfaceSampler.sample(truth, 20_000, 3L);
            Reconstruction r = Reconstructors.create(GridPullConfig.DEFAULT).run(cloud, Progress.NONE);
            FieldFile field = r.savedField().orElseThrow();
            FieldKind kind = FieldKinds.of(field, null);
            TriangleMesh mc = kind.extract(field, null, new FieldKind.Extraction(256, null,
                    FieldKind.Extraction.defaults().backend(), FieldKind.Extraction.defaults().precision()),
                    Progress.NONE).mesh();
            return new Fitted(truth, cloud, field, mc);
        });
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("torus", 32, 1), Arguments.of("torus", 64, 1), Arguments.of("csg-part", 32, 1),
                Arguments.of("csg-part", 64, 1));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("cases")
    void isClosedOrientedFreeOfSelfIntersectionsAndNearTheShape(String shape, int resolution, int components) {
        Fitted f = fitted(shape);
        SignedField sign = FieldKinds.of(f.field(), null).signedField(f.field(), null);
        VoroMeshConfig config = Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", resolution);
        VoronoiStage.Result r = VoronoiStage.run(f.cloud(), sign, config, Progress.NONE);
        MeshReport checks = MeshChecks.check(r.mesh(), true);
        assertThat(checks.watertight()).as("watertight: %s", checks).isTrue();
        assertThat(checks.orientationConsistent()).isTrue();
        assertThat(checks.selfIntersections()).isZero();
        assertThat(checks.degenerateFaces()).isZero();
        assertThat(checks.components()).isEqualTo(components);
        assertThat(r.checks()).isEqualTo(checks);
        assertThat(r.details()).containsEntry("watertight", true).containsEntry("self_intersections", 0L)
                .containsEntry("coordinates", "float64");
        assertThat(signedVolume(r.mesh())).isPositive();

        TriangleMesh mesh = r.mesh().toTriangleMesh();
        double chamfer = SurfaceMetrics.evaluate(mesh, f.truth()).chamferL1();
        double mcChamfer = SurfaceMetrics.evaluate(f.marchingCubes(), f.truth()).chamferL1();
        // 20k points give VoroLoss few points per cell, and csg-part's sharp edges lose to the field's rounding when
        // the points are projected onto it (measured at 64: torus 1.13x, csg-part 1.40x; 1.28x unprojected); the
        // issue's 1.1x is for 100k points at 128, checked by VoroMeshSlowTest
        assertThat(chamfer).isLessThan((resolution == 32 ? 1.6 : 1.45) * mcChamfer);
        assertThat(mesh.faceCount()).isLessThan(f.marchingCubes().faceCount() / 2);
    }

    @Test
    void float32RoundsTheCoordinatesAndChecksThemAgain() {
        Fitted f = fitted("torus");
        SignedField sign = FieldKinds.of(f.field(), null).signedField(f.field(), null);
        VoroMeshConfig config = Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", 32, "float32", true,
                "steps", 100);
        VoronoiStage.Result r = VoronoiStage.run(f.cloud(), sign, config, Progress.NONE);
        for (double v : r.mesh().vertices()) {
            assertThat((double) (float) v).isEqualTo(v);
        }
        assertThat(r.details()).containsEntry("coordinates", "float32");
        assertThat(r.checks()).isEqualTo(MeshChecks.check(r.mesh(), true));
    }

    @Test
    void theWholeMethodKeepsItsFieldAndTheExactMesh() {
        TriangleMesh truth = Shapes.byName("sphere").toMesh(64);
        PointCloud cloud = SurfaceSampler.sample(truth, 5_000, 1L);
        VoroMeshConfig config = Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", 24, "steps", 100,
                "field", Configs.with(GridPullConfig.DEFAULT, "grid_resolution", 48, "steps", 100));
        Reconstruction r = new VoroMesh(config).run(cloud, Progress.NONE);
        DoubleMesh exact = r.exactMesh().orElseThrow();
        assertThat(r.mesh().faceCount()).isEqualTo(exact.faceCount());
        assertThat(r.savedField()).isPresent();
        assertThat(r.details()).containsEntry("field_method", "GridPull").containsEntry("watertight", true)
                .containsEntry("components", 1).containsKeys("generators", "voroloss_first", "voroloss_last",
                        "tetrahedra", "voronoi_faces", "field_details");
        assertThat((double) r.details().get("voroloss_last")).isLessThan((double) r.details().get("voroloss_first"));
        assertThat(SurfaceMetrics.evaluate(r.mesh(), truth).chamferL1()).isLessThan(0.01);
    }

    @Test
    void aSavedFieldIsMeshedFromItsOwnZeroSet() {
        Fitted f = fitted("torus");
        VoroMeshConfig config = Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", 32, "steps", 100);
        Reconstruction r = new VoroMesh(config).extract(f.field(), null, Progress.NONE);
        MeshReport checks = MeshChecks.check(r.exactMesh().orElseThrow(), true);
        assertThat(checks.watertight()).isTrue();
        assertThat(checks.selfIntersections()).isZero();
        assertThat(checks.components()).isEqualTo(1);
        assertThat(r.details()).containsEntry("zero_set_samples", VoroMesh.FIELD_SAMPLES)
                .containsEntry("field_kind", "gridpull-sparse");
        assertThat(SurfaceMetrics.evaluate(r.mesh(), f.truth()).chamferL1()).isLessThan(
                1.6 * SurfaceMetrics.evaluate(f.marchingCubes(), f.truth()).chamferL1());
    }

    @Test
    void configErrorsNameTheKey() {
        ObjectNode self = Json.mapper().createObjectNode().put("otype", "VoroMesh");
        self.putObject("field").put("otype", "VoroMesh");
        assertThatThrownBy(() -> Reconstructors.registry().parse(self)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("field");
        assertThatThrownBy(() -> Configs.with(VoroMeshConfig.DEFAULT, "milestones", List.of(80, 80)))
                .hasMessageContaining("milestones").hasMessageContaining("increasing");
        assertThatThrownBy(() -> Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", 4))
                .hasMessageContaining("voronoi_resolution");
        ObjectNode unknown = Json.mapper().createObjectNode().put("otype", "VoroMesh").put("resolution", 64);
        assertThatThrownBy(() -> Reconstructors.registry().parse(unknown)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key \"resolution\"");
    }

    @Test
    void theScheduleHalvesAtEachMilestone() {
        VoroMeshConfig c = VoroMeshConfig.DEFAULT;
        assertThat(c.learningRateAt(0)).isEqualTo(5e-3);
        assertThat(c.learningRateAt(79)).isEqualTo(5e-3);
        assertThat(c.learningRateAt(80)).isEqualTo(2.5e-3);
        assertThat(c.learningRateAt(399)).isEqualTo(5e-3 / 16);
    }

    static double signedVolume(DoubleMesh m) {
        double[] v = m.vertices();
        int[] f = m.faces();
        double[] o = {v[0], v[1], v[2]};
        double vol = 0;
        for (int t = 0; t < f.length; t += 3) {
            double ax = v[3 * f[t]] - o[0], ay = v[3 * f[t] + 1] - o[1], az = v[3 * f[t] + 2] - o[2];
            double bx = v[3 * f[t + 1]] - o[0], by = v[3 * f[t + 1] + 1] - o[1], bz = v[3 * f[t + 1] + 2] - o[2];
            double cx = v[3 * f[t + 2]] - o[0], cy = v[3 * f[t + 2] + 1] - o[1], cz = v[3 * f[t + 2] + 2] - o[2];
            vol += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
        }
        return vol / 6;
    }
}
