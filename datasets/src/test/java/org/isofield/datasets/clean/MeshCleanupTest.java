package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.isofield.core.ConfigException;
import org.isofield.core.IsofieldException;
import org.isofield.core.PhaseTimes;
import org.isofield.core.Progress;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.datasets.testing.TestMeshes;
import org.junit.jupiter.api.Test;

/** Components, FarFaces, the registry of clean-up steps and {@link MeshCleanup}'s report. */
class MeshCleanupTest {
    /** A sphere of radius 0.4 with a small sphere (radius 0.1, 1/16 of the area) and a tiny one beside it. */
    private static TriangleMesh threePieces() {
        TriangleMesh big = Shapes.byName("sphere").toMesh(24);
        TriangleMesh small = scaled(big, 0.25f);
        TriangleMesh tiny = scaled(big, 0.05f);
        return TestMeshes.join(TestMeshes.join(big, small, 1, 0, 0), tiny, -1, 0, 0);
    }

    private static TriangleMesh scaled(TriangleMesh m, float s) {
        float[] v = m.vertices().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
        return TriangleMesh.of(v, m.faces().clone());
    }

    @Test
    void componentsKeepTheLargestOrThoseAboveAnAreaShare() {
        TriangleMesh mesh = threePieces();
        int faces = Shapes.byName("sphere").toMesh(24).faceCount();
        assertThat(Components.count(mesh)).isEqualTo(3);
        CleanStep.Result one = new Components(ComponentsConfig.DEFAULT).apply(mesh, null);
        assertThat(Components.count(one.mesh())).isEqualTo(1);
        assertThat(one.mesh().faceCount()).isEqualTo(faces);
        assertThat(one.details()).containsEntry("components_removed", 2);
        assertThat((double) one.details().get("largest_area_share")).isBetween(0.93, 0.95);
        assertThat(MeshChecks.check(one.mesh()).watertight()).isTrue();
        // shares: 1 : 1/16 : 1/400 of the big sphere's area
        TriangleMesh share = new Components(new ComponentsConfig(0, 0.01)).apply(mesh, null).mesh();
        assertThat(Components.count(share)).isEqualTo(2);
        TriangleMesh two = new Components(new ComponentsConfig(2, 0.0)).apply(mesh, null).mesh();
        assertThat(two.faceCount()).isEqualTo(2 * faces);
        assertThat(two.bounds().maxX()).isGreaterThan(1.0);
        assertThat(new Components(new ComponentsConfig(0, 0.0)).apply(mesh, null).mesh().faceCount())
                .isEqualTo(mesh.faceCount());
    }

    @Test
    void farFacesGoWhenAVertexIsFarFromTheCloud() {
        TriangleMesh sphere = Shapes.byName("sphere").toMesh(24);
        // the cloud: the sphere's vertices with z < 0.2, in a shifted frame
        float[] v = sphere.vertices();
        int n = 0;
        float[] p = new float[v.length];
        for (int i = 0; i < v.length; i += 3) {
            if (v[i + 2] < 0.2f) {
                p[n++] = v[i] - 10;
                p[n++] = v[i + 1];
                p[n++] = v[i + 2];
            }
        }
        PointCloud cloud = PointCloud.of(Arrays.copyOf(p, n), null, null, new Vec3d(10, 0, 0));
        CleanStep.Result r = new FarFaces(new FarFacesConfig(0.01)).apply(sphere, cloud);
        assertThat(r.mesh().faceCount()).isBetween(sphere.faceCount() / 2, sphere.faceCount() - 1);
        assertThat(r.mesh().bounds().maxZ()).isLessThan(0.21);
        assertThat(MeshChecks.check(r.mesh()).boundaryEdges()).isPositive();
        CleanStep.Result auto = new FarFaces(FarFacesConfig.DEFAULT).apply(sphere, cloud);
        assertThat(auto.details()).containsKeys("median_spacing", "max_distance");
        assertThatThrownBy(() -> new FarFaces(FarFacesConfig.DEFAULT).apply(sphere, null))
                .isInstanceOf(IsofieldException.class).hasMessageContaining("--points");
    }

    @Test
    void cleanupWeldsRunsTheStepsInOrderAndReportsEach() {
        TriangleMesh soup = TestMeshes.soup(threePieces());
        PhaseTimes times = new PhaseTimes(Progress.NONE);
        MeshCleanup.Result r = MeshCleanup.run(soup, null, List.of(ComponentsConfig.DEFAULT,
                DecimateConfig.toFaces(500, 0)), times);
        assertThat(r.weldedVertices()).isPositive();
        assertThat(r.steps()).hasSize(2);
        Map<String, Object> first = r.steps().get(0);
        assertThat(first).containsEntry("step", "Components").containsEntry("faces_in", soup.faceCount())
                .containsEntry("components_before", 3).containsEntry("components_after", 1);
        assertThat(r.steps().get(1)).containsEntry("faces_in", first.get("faces_out"))
                .containsEntry("faces_out", r.mesh().faceCount()).containsEntry("components_after", 1);
        assertThat(r.mesh().faceCount()).isBetween(499, 500);
        assertThat(times.seconds()).containsKeys("clean.components", "clean.decimate");
        assertThatThrownBy(() -> MeshCleanup.run(soup, null, List.of(FarFacesConfig.DEFAULT), Progress.NONE))
                .isInstanceOf(IsofieldException.class).hasMessageContaining("FarFaces");
        assertThat(MeshCleanup.snake("HoleFill")).isEqualTo("hole_fill");
    }

    @Test
    void stepsReadFromJsonByOtypeAndRejectUnknownKeysAndBadValues() {
        CleanStepConfig c = CleanSteps.registry().parse(Json.parse("{\"otype\": \"Taubin\", \"iterations\": 4}",
                "test"));
        assertThat(c).isEqualTo(new TaubinConfig(4, 0.5, -0.53));
        assertThat(CleanSteps.registry().parse(Json.parse("{\"otype\": \"decimate\", \"target_faces\": 10}",
                "test"))).isEqualTo(new DecimateConfig(10, 0.5, 0.0));
        assertThatThrownBy(() -> CleanSteps.registry().parse(Json.parse(
                "{\"otype\": \"HoleFill\", \"max_hole_edge\": 10}", "test")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_hole_edge");
        assertThatThrownBy(() -> new TaubinConfig(10, 0.5, -0.4)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("|mu| > lambda");
        assertThatThrownBy(() -> new DecimateConfig(0, 0, 0)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nothing bounds");
        assertThatThrownBy(() -> new HoleFillConfig(2)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("max_hole_edges");
    }
}
