package org.isofield.datasets.index.delaunay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A million uniform points: every tetrahedron positive, linked both ways, and locally Delaunay across every face. */
@Tag("slow")
class Delaunay3dSlowTest {
    @Test
    void aMillionPointsAreLocallyDelaunayAcrossEveryFace() {
        int n = 1_000_000;
        SplittableRandom r = new SplittableRandom(3L);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = r.nextDouble();
        }
        Delaunay3d.Triangulation d = Delaunay3d.build(xyz);
        long bad = Delaunay3dTest.notLocallyDelaunay(d);
        assertThat(bad).as("tetrahedra or faces that break the Delaunay property").isZero();
        assertThat(d.tetrahedronCount()).isGreaterThan(6 * n);
    }
}
