package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isofield.datasets.testing.MeshChecks.signedVolume;

import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SelfIntersections;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

/** Hole filling: small holes in a sphere close consistently; a large boundary stays open. */
class HoleFillingTest {
    /** The sphere without the faces whose centroid is within {@code r} of one of the given points. */
    private static TriangleMesh holes(double r, double[]... centres) {
        TriangleMesh m = Shapes.byName("sphere").toMesh(30);
        float[] v = m.vertices();
        int[] f = m.faces();
        boolean[] keep = new boolean[m.faceCount()];
        for (int t = 0; t < keep.length; t++) {
            keep[t] = true;
            for (double[] c : centres) {
                double d2 = 0;
                for (int a = 0; a < 3; a++) {
                    double x = (v[3 * f[3 * t] + a] + v[3 * f[3 * t + 1] + a] + v[3 * f[3 * t + 2] + a]) / 3 - c[a];
                    d2 += x * x;
                }
                keep[t] &= d2 > r * r;
            }
        }
        return CleanStep.select(m, keep);
    }

    @Test
    void closesSmallHolesWatertightAndConsistentlyOriented() {
        TriangleMesh holed = holes(0.05, new double[] {0.4, 0, 0}, new double[] {0, 0, -0.4},
                new double[] {0, 0.28, 0.28});
        MeshReport before = MeshChecks.check(holed);
        assertThat(before.boundaryEdges()).isPositive();
        CleanStep.Result r = new HoleFilling(HoleFillConfig.DEFAULT).apply(holed, null);
        MeshReport after = MeshChecks.check(r.mesh(), SelfIntersections::count);
        assertThat(r.details()).containsEntry("boundary_loops", 3).containsEntry("holes_filled", 3);
        assertThat(after.watertight()).isTrue();
        assertThat(after.orientationConsistent()).isTrue();
        assertThat(after.genus()).isZero();
        assertThat(after.selfIntersections()).isZero();
        assertThat(signedVolume(r.mesh())).isPositive();
        assertThat(r.mesh().vertexCount()).isEqualTo(holed.vertexCount());
    }

    @Test
    void leavesALargeBoundaryOpen() {
        TriangleMesh cap = holes(0.2, new double[] {0, 0, 0.4});
        int loop = MeshChecks.check(cap).boundaryEdges();
        assertThat(loop).isGreaterThan(HoleFillConfig.DEFAULT_MAX_HOLE_EDGES);
        CleanStep.Result r = new HoleFilling(HoleFillConfig.DEFAULT).apply(cap, null);
        assertThat(r.mesh().faceCount()).isEqualTo(cap.faceCount());
        assertThat(r.details()).containsEntry("loops_left_open", 1).containsEntry("largest_open_loop_edges", loop);
        CleanStep.Result all = new HoleFilling(new HoleFillConfig(loop)).apply(cap, null);
        assertThat(MeshChecks.check(all.mesh()).watertight()).isTrue();
        assertThat(MeshChecks.check(all.mesh()).orientationConsistent()).isTrue();
    }
}
