package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SelfIntersections;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

/** Quadric-error decimation of analytic shapes: exact targets, closed manifolds, small distances. */
class QemDecimationTest {
    private static void decimatesToTenPercent(String shape, int resolution) {
        TriangleMesh mesh = Shapes.byName(shape).toMesh(resolution);
        int target = mesh.faceCount() / 10;
        CleanStep.Result r = new QemDecimation(DecimateConfig.toFaces(target, 0)).apply(mesh, null);
        TriangleMesh out = r.mesh();
        assertThat(out.faceCount()).as("faces").isBetween(target - 1, target);
        MeshReport before = MeshChecks.check(mesh);
        MeshReport after = MeshChecks.check(out, SelfIntersections::count);
        assertThat(after.watertight()).as("watertight").isTrue();
        assertThat(after.orientationConsistent()).as("oriented").isTrue();
        assertThat(after.nonManifoldEdges()).isZero();
        assertThat(after.genus()).isEqualTo(before.genus());
        assertThat(after.components()).isEqualTo(1);
        assertThat(after.selfIntersections()).as("self-intersections").isZero();
        SurfaceReport d = SurfaceMetrics.evaluate(out, mesh);
        assertThat(d.chamferL1()).as("Chamfer-L1 in the unit frame").isLessThan(0.005);
        assertThat(d.hausdorff()).as("Hausdorff in the unit frame").isLessThan(0.03);
        assertThat(r.details()).containsEntry("stopped_by", "target_faces");
    }

    @Test
    void sphereToTenPercentStaysAClosedManifoldNearTheInput() {
        decimatesToTenPercent("sphere", 60);
    }

    @Test
    void torusToTenPercentKeepsItsGenus() {
        decimatesToTenPercent("torus", 80);
    }

    @Test
    void anErrorLimitStopsEarlyAndTheResultIsDeterministic() {
        TriangleMesh mesh = Shapes.byName("rounded-box").toMesh(50);
        CleanStep.Result r = new QemDecimation(DecimateConfig.toFaces(0, 1e-4)).apply(mesh, null);
        assertThat(r.details()).containsEntry("stopped_by", "max_error");
        assertThat((double) r.details().get("max_collapse_error")).isLessThanOrEqualTo(1e-4);
        assertThat(r.mesh().faceCount()).isLessThan(mesh.faceCount() / 2);
        assertThat(MeshChecks.check(r.mesh()).watertight()).isTrue();
        // flat sides collapse at no error: the box is still within the limit of its planes
        assertThat(r.mesh().bounds().maxX()).isCloseTo(mesh.bounds().maxX(), offset(1e-4));
        TriangleMesh again = new QemDecimation(DecimateConfig.toFaces(0, 1e-4)).apply(mesh, null).mesh();
        assertThat(again.faces()).containsExactly(r.mesh().faces());
        assertThat(again.vertices()).containsExactly(r.mesh().vertices());
    }

    @Test
    void boundaryVerticesStayWhereTheyAre() {
        TriangleMesh sphere = Shapes.byName("sphere").toMesh(40);
        float[] v = sphere.vertices();
        int[] f = sphere.faces();
        boolean[] keep = new boolean[sphere.faceCount()];
        for (int t = 0; t < keep.length; t++) {
            keep[t] = v[3 * f[3 * t] + 2] < 0.1 && v[3 * f[3 * t + 1] + 2] < 0.1 && v[3 * f[3 * t + 2] + 2] < 0.1;
        }
        TriangleMesh open = CleanStep.select(sphere, keep);
        MeshReport before = MeshChecks.check(open);
        TriangleMesh out = QemDecimation.toFaces(open, open.faceCount() / 5);
        MeshReport after = MeshChecks.check(out);
        assertThat(after.boundaryEdges()).isEqualTo(before.boundaryEdges());
        assertThat(after.nonManifoldEdges()).isZero();
        assertThat(after.orientationConsistent()).isTrue();
        assertThat(out.faceCount()).isBetween(open.faceCount() / 5 - 1, open.faceCount() / 5);
    }
}
