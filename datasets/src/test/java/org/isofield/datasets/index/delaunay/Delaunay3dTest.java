package org.isofield.datasets.index.delaunay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Delaunay3dTest {
    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("uniform 200", uniform(200, 1L)),
                Arguments.of("uniform 60 near 1e6", shifted(uniform(60, 2L), 1e6)),
                Arguments.of("4x4x4 grid (co-spherical)", grid(4, 1.0)),
                Arguments.of("grid 3x3x3 of 0.1 (inexact)", grid(3, 0.1)),
                Arguments.of("plane of 30 plus 5 off it", planePlus(3L)),
                Arguments.of("two points", new double[] {0, 0, 0, 1, 2, 3}),
                Arguments.of("sphere 80 (co-spherical)", sphere(80)),
                Arguments.of("slab of 60, 1e-12 thick (nearly flat tetrahedra)", slab(60, 1e-12, 4L)));
    }

    static double[] uniform(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[3 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble();
        }
        return p;
    }

    static double[] shifted(double[] p, double by) {
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] += by;
        }
        return q;
    }

    static double[] grid(int n, double h) {
        double[] p = new double[3 * n * n * n];
        for (int i = 0; i < n * n * n; i++) {
            p[3 * i] = h * (i % n);
            p[3 * i + 1] = h * (i / n % n);
            p[3 * i + 2] = h * (i / n / n);
        }
        return p;
    }

    static double[] planePlus(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[3 * 35];
        for (int i = 0; i < 35; i++) {
            p[3 * i] = r.nextInt(0, 40);
            p[3 * i + 1] = r.nextInt(0, 40);
            p[3 * i + 2] = i < 30 ? 5 : r.nextInt(0, 40);
        }
        // distinct: nudge the rare repeat
        for (int i = 0; i < 35; i++) {
            p[3 * i] += 64 * i;
        }
        return p;
    }

    /** Points in the unit square, z within {@code thickness}: every tetrahedron is nearly flat. */
    static double[] slab(int n, double thickness, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            p[3 * i] = r.nextDouble();
            p[3 * i + 1] = r.nextDouble();
            p[3 * i + 2] = thickness * r.nextDouble();
        }
        return p;
    }

    static double[] sphere(int n) {
        // integer points on the sphere x^2 + y^2 + z^2 = 50: exactly co-spherical
        Set<String> seen = new HashSet<>();
        double[] p = new double[3 * n];
        int k = 0;
        for (int x = -7; x <= 7 && k < n; x++) {
            for (int y = -7; y <= 7 && k < n; y++) {
                for (int z = -7; z <= 7 && k < n; z++) {
                    if (x * x + y * y + z * z == 50 && seen.add(x + "," + y + "," + z)) {
                        p[3 * k] = x;
                        p[3 * k + 1] = y;
                        p[3 * k + 2] = z;
                        k++;
                    }
                }
            }
        }
        return Arrays.copyOf(p, 3 * k);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyTetrahedronIsPositiveLinkedAndHasAnEmptyCircumsphere(String name, double[] xyz) {
        Delaunay3d.Triangulation d = Delaunay3d.build(xyz);
        double[] p = d.points();
        int[] t = d.tetrahedra();
        int[] nb = d.neighbors();
        int all = d.pointCount() + 4;
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < d.tetrahedronCount(); i++) {
            int a = t[4 * i];
            int b = t[4 * i + 1];
            int c = t[4 * i + 2];
            int e = t[4 * i + 3];
            assertThat(Predicates.orient3d(p[3 * a], p[3 * a + 1], p[3 * a + 2], p[3 * b], p[3 * b + 1], p[3 * b + 2],
                    p[3 * c], p[3 * c + 1], p[3 * c + 2], p[3 * e], p[3 * e + 1], p[3 * e + 2])).as("tet %d", i)
                    .isEqualTo(1);
            for (int v = 0; v < 4; v++) {
                used.add(t[4 * i + v]);
                int n = nb[4 * i + v];
                if (n >= 0) {
                    int back = 0;
                    for (int w = 0; w < 4; w++) {
                        back += nb[4 * n + w] == i ? 1 : 0;
                    }
                    assertThat(back).as("tet %d slot %d links back", i, v).isEqualTo(1);
                }
            }
            for (int q = 0; q < all; q++) {
                if (q != a && q != b && q != c && q != e) {
                    assertThat(Predicates.insphereSos(p, a, b, c, e, q)).as("tet %d, point %d", i, q).isEqualTo(-1);
                }
            }
        }
        assertThat(used).hasSize(all);
    }

    /** The tetrahedra as sorted vertex quadruples. */
    private static Set<List<Integer>> cells(Delaunay3d.Triangulation d) {
        Set<List<Integer>> out = new HashSet<>();
        int[] t = d.tetrahedra();
        for (int i = 0; i < d.tetrahedronCount(); i++) {
            out.add(IntStream.of(t[4 * i], t[4 * i + 1], t[4 * i + 2], t[4 * i + 3]).sorted().boxed().toList());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theInsertionOrderDoesNotChangeTheTriangulation(String name, double[] xyz) {
        int n = xyz.length / 3;
        int[] forward = IntStream.range(0, n).toArray();
        int[] backward = IntStream.range(0, n).map(i -> n - 1 - i).toArray();
        Set<List<Integer>> sorted = cells(Delaunay3d.build(xyz));
        assertThat(cells(Delaunay3d.build(xyz, forward, false, Delaunay3d.SPLIT_MIN))).isEqualTo(sorted);
        assertThat(cells(Delaunay3d.build(xyz, backward, true, Delaunay3d.SPLIT_MIN))).isEqualTo(sorted);
    }

    static Stream<Arguments> splitSets() {
        return Stream.of(Arguments.of("uniform 6000", uniform(6000, 9L)),
                Arguments.of("uniform 3000 near 1e6", shifted(uniform(3000, 10L), 1e6)),
                Arguments.of("14^3 grid (co-spherical, points on the splitting plane)", grid(14, 1.0)),
                Arguments.of("12^3 grid of 0.1 (inexact)", grid(12, 0.1)),
                Arguments.of("slab of 3000, 1e-12 thick", slab(3000, 1e-12, 11L)));
    }

    /**
     * Split builds (here from 1000 points; {@link Delaunay3d#SPLIT_MIN} by default): locally Delaunay, the same arrays
     * on two threads as one after the other, and the same tetrahedra as from another insertion order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("splitSets")
    void theTwoSidedBuildIsLocallyDelaunayAndTheSameOnOneThread(String name, double[] xyz) {
        int[] order = SpatialOrder.brio(xyz);
        Delaunay3d.Triangulation two = Delaunay3d.build(xyz, order, true, 1000);
        Delaunay3d.Triangulation one = Delaunay3d.build(xyz, order, false, 1000);
        assertThat(two.tetrahedra()).isEqualTo(one.tetrahedra());
        assertThat(two.neighbors()).isEqualTo(one.neighbors());
        assertThat(notLocallyDelaunay(two)).as("tetrahedra or faces that break the Delaunay property").isZero();
        int n = xyz.length / 3;
        int[] forward = IntStream.range(0, n).toArray();
        assertThat(cells(Delaunay3d.build(xyz, forward, false, Delaunay3d.SPLIT_MIN))).isEqualTo(cells(two));
    }

    /**
     * The tetrahedra that are not positive, and the faces that are not linked both ways or whose opposite vertex lies
     * inside the (perturbed) circumsphere: 0 for a Delaunay triangulation.
     */
    static long notLocallyDelaunay(Delaunay3d.Triangulation d) {
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
        return bad;
    }

    @Test
    void repeatedAndNonFinitePointsAreRefused() {
        assertThatThrownBy(() -> Delaunay3d.build(new double[] {0, 0, 0, 1, 1, 1, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points 0 and 2 are equal");
        assertThatThrownBy(() -> Delaunay3d.build(new double[] {0, 0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
