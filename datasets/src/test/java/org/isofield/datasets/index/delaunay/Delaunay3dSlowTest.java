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
        double[] p = d.points();
        int[] t = d.tetrahedra();
        int[] nb = d.neighbors();
        long bad = 0;
        for (int i = 0; i < d.tetrahedronCount(); i++) {
            int a = t[4 * i];
            int b = t[4 * i + 1];
            int c = t[4 * i + 2];
            int e = t[4 * i + 3];
            bad += Predicates.orient3d(p[3 * a], p[3 * a + 1], p[3 * a + 2], p[3 * b], p[3 * b + 1], p[3 * b + 2],
                    p[3 * c], p[3 * c + 1], p[3 * c + 2], p[3 * e], p[3 * e + 1], p[3 * e + 2]) == 1 ? 0 : 1;
            for (int k = 0; k < 4; k++) {
                int m = nb[4 * i + k];
                if (m < 0) {
                    continue;
                }
                // the neighbour's vertex that is not on the shared face lies outside this circumsphere
                int opposite = -1;
                int back = 0;
                for (int j = 0; j < 4; j++) {
                    back += nb[4 * m + j] == i ? 1 : 0;
                    if (nb[4 * m + j] == i) {
                        opposite = t[4 * m + j];
                    }
                }
                bad += back == 1 && Predicates.insphereSos(p, a, b, c, e, opposite) < 0 ? 0 : 1;
            }
        }
        assertThat(bad).as("tetrahedra or faces that break the Delaunay property").isZero();
        assertThat(d.tetrahedronCount()).isGreaterThan(6 * n);
    }
}
