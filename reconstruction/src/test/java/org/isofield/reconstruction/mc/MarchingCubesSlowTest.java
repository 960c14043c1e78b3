package org.isofield.reconstruction.mc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.shapes.AnalyticShape;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Timing of a 256^3 extraction of the sphere's exact SDF, evaluated slice by slice (best of 3 after warm-up). */
@Tag("slow")
class MarchingCubesSlowTest {
    @Test
    void extractsSphereAt256() {
        AnalyticShape sphere = Shapes.byName("sphere");
        FieldFunction f = (xyz, n, out) -> sphere.signedDistances(Arrays.copyOf(xyz, 3 * n), out);
        SampleGrid grid = MarchingCubesTest.box(256);
        ScalarGrid stored = ScalarGrid.sample(grid, f);
        MarchingCubes.extract(stored);
        double bestFn = Double.MAX_VALUE;
        double bestGrid = Double.MAX_VALUE;
        TriangleMesh mesh = null;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            mesh = MarchingCubes.extract(f, grid);
            long t1 = System.nanoTime();
            MarchingCubes.extract(stored);
            long t2 = System.nanoTime();
            bestFn = Math.min(bestFn, (t1 - t0) / 1e9);
            bestGrid = Math.min(bestGrid, (t2 - t1) / 1e9);
        }
        MeshReport report = MeshChecks.check(mesh);
        System.out.printf("marching cubes 256^3 sphere: %.3f s with SDF evaluation, %.3f s from a stored grid; "
                + "%d vertices, %d faces, watertight %s, genus %d%n", bestFn, bestGrid, mesh.vertexCount(),
                mesh.faceCount(), report.watertight(), report.genus());
        assertThat(report.watertight()).isTrue();
        assertThat(report.genus()).isZero();
    }
}
