package org.isofield.datasets.index.delaunay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PredicatesTest {
    private static int orient(double[] a, double[] b, double[] c, double[] d) {
        return Predicates.orient3d(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], d[0], d[1], d[2]);
    }

    private static int orientExact(double[] a, double[] b, double[] c, double[] d) {
        return BigDecimalPredicates.orient3dExact(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], d[0], d[1],
                d[2]);
    }

    private static int insphere(double[] a, double[] b, double[] c, double[] d, double[] e) {
        return Predicates.insphere(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], d[0], d[1], d[2], e[0], e[1],
                e[2]);
    }

    private static int insphereExact(double[] a, double[] b, double[] c, double[] d, double[] e) {
        return BigDecimalPredicates.insphereExact(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], d[0], d[1],
                d[2], e[0], e[1], e[2]);
    }

    private static double[] p(double x, double y, double z) {
        return new double[] {x, y, z};
    }

    @Test
    void orientationFollowsTheRightHandRuleAndFlipsWithAnOddSwap() {
        double[] a = p(0, 0, 0);
        double[] b = p(1, 0, 0);
        double[] c = p(0, 1, 0);
        // a, b, c counter-clockwise seen from +z: a point below the plane is positive
        assertThat(orient(a, b, c, p(0, 0, -1))).isEqualTo(1);
        assertThat(orient(a, b, c, p(0, 0, 1))).isEqualTo(-1);
        assertThat(orient(b, a, c, p(0, 0, 1))).isEqualTo(1);
        assertThat(orient(a, b, c, p(0.3, 0.4, 0))).isZero();
    }

    @Test
    void insphereIsPositiveInsideForAPositivelyOrientedTetrahedron() {
        double[] a = p(0, 0, 0);
        double[] b = p(1, 0, 0);
        double[] c = p(0, 1, 0);
        double[] d = p(0, 0, -1);
        assertThat(orient(a, b, c, d)).isEqualTo(1);
        assertThat(insphere(a, b, c, d, p(0.25, 0.25, -0.25))).isEqualTo(1);
        assertThat(insphere(a, b, c, d, p(5, 5, 5))).isEqualTo(-1);
        assertThat(insphere(b, a, c, d, p(0.25, 0.25, -0.25))).isEqualTo(-1);
    }

    @Test
    void coplanarAndCosphericalGridPointsAreExactlyZero() {
        // every vertex of a cube lies on its circumsphere; every face's four corners are coplanar
        double s = 0.1;
        double[][] v = new double[8][];
        for (int i = 0; i < 8; i++) {
            v[i] = p(1e6 + s * (i & 1), -3 + s * (i >> 1 & 1), 7 + s * (i >> 2));
        }
        assertThat(orient(v[0], v[1], v[2], v[3])).isZero();
        assertThat(orient(v[0], v[1], v[4], v[5])).isZero();
        assertThat(orient(v[0], v[1], v[2], v[4])).isNotZero();
        double[] a = v[0];
        double[] b = v[1];
        double[] c = v[2];
        double[] d = v[4];
        int o = orient(a, b, c, d);
        for (int i : new int[] {3, 5, 6, 7}) {
            // 0.1 is not a double: the corners are only nearly co-spherical, and the sign must be the exact one
            assertThat(insphere(a, b, c, d, v[i]) * o).as("corner %d", i)
                    .isEqualTo(insphereExact(a, b, c, d, v[i]) * o);
        }
        double[][] w = new double[8][];
        for (int i = 0; i < 8; i++) {
            w[i] = p(1 << 20 | (i & 1), -3 + (i >> 1 & 1), 7 + (i >> 2));
        }
        for (int i : new int[] {3, 5, 6, 7}) {
            assertThat(insphere(w[0], w[1], w[2], w[4], w[i])).as("integer corner %d", i).isZero();
        }
    }

    @Test
    void nearlyDegenerateInputsGetTheExactSign() {
        // points on the plane x + y + z = 1.5 moved by a few ulps: plain double evaluation gets many of these wrong
        SplittableRandom rnd = new SplittableRandom(1L);
        double[] a = p(0.5, 0.5, 0.5);
        double[] b = p(12, 0.5, -11);
        double[] c = p(0.5, 24, -23);
        int wrongNaive = 0;
        int nonZero = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = 0.5 + Math.ulp(0.5) * rnd.nextInt(-64, 64);
            double y = 0.5 + Math.ulp(0.5) * rnd.nextInt(-64, 64);
            double[] d = p(x, y, 0.5);
            int exact = orientExact(a, b, c, d);
            assertThat(orient(a, b, c, d)).as("case %d", i).isEqualTo(exact);
            nonZero += exact != 0 ? 1 : 0;
            double naive = (a[2] - d[2]) * ((b[0] - d[0]) * (c[1] - d[1]) - (c[0] - d[0]) * (b[1] - d[1]))
                    + (b[2] - d[2]) * ((c[0] - d[0]) * (a[1] - d[1]) - (a[0] - d[0]) * (c[1] - d[1]))
                    + (c[2] - d[2]) * ((a[0] - d[0]) * (b[1] - d[1]) - (b[0] - d[0]) * (a[1] - d[1]));
            wrongNaive += (int) Math.signum(naive) != exact ? 1 : 0;
        }
        assertThat(nonZero).as("the cases are not all degenerate").isPositive();
        assertThat(wrongNaive).as("the cases are hard enough to fool plain doubles").isPositive();
    }

    @Test
    void randomCasesAgreeWithExactArithmetic() {
        SplittableRandom rnd = new SplittableRandom(7L);
        for (int i = 0; i < 5_000; i++) {
            double[][] q = new double[5][];
            for (int k = 0; k < 5; k++) {
                // a near-flat set every fourth case: the filter must hand those to the exact path
                double flat = i % 4 == 0 ? 1e-12 : 1;
                q[k] = p(rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), flat * rnd.nextDouble(-1, 1));
            }
            assertThat(orient(q[0], q[1], q[2], q[3])).as("orient %d", i)
                    .isEqualTo(orientExact(q[0], q[1], q[2], q[3]));
            assertThat(insphere(q[0], q[1], q[2], q[3], q[4])).as("insphere %d", i)
                    .isEqualTo(insphereExact(q[0], q[1], q[2], q[3], q[4]));
        }
    }

    @Test
    void aTranslationByAPowerOfTwoKeepsEverySign() {
        SplittableRandom rnd = new SplittableRandom(11L);
        double shift = 0x1p20;
        for (int i = 0; i < 2_000; i++) {
            double[][] q = new double[5][];
            double[][] t = new double[5][];
            for (int k = 0; k < 5; k++) {
                q[k] = p(rnd.nextInt(-8, 8) * 0.25, rnd.nextInt(-8, 8) * 0.25, rnd.nextInt(-8, 8) * 0.25);
                t[k] = p(q[k][0] + shift, q[k][1] - shift, q[k][2] + shift);
            }
            assertThat(orient(t[0], t[1], t[2], t[3])).isEqualTo(orient(q[0], q[1], q[2], q[3]));
            assertThat(insphere(t[0], t[1], t[2], t[3], t[4])).isEqualTo(insphere(q[0], q[1], q[2], q[3], q[4]));
        }
    }

    /** The 5x5 determinant of rows {@code [x, y, z, |p|^2 + eps^(K - index), 1]}, exactly (Laplace expansion). */
    private static int perturbedSign(double[] p, int[] idx) {
        BigDecimal eps = new BigDecimal(0x1p-64);
        int top = Arrays.stream(idx).max().getAsInt() + 1;
        BigDecimal[][] m = new BigDecimal[5][5];
        for (int r = 0; r < 5; r++) {
            BigDecimal lift = BigDecimal.ZERO;
            for (int c = 0; c < 3; c++) {
                m[r][c] = new BigDecimal(p[3 * idx[r] + c]);
                lift = lift.add(m[r][c].multiply(m[r][c]));
            }
            m[r][3] = lift.add(eps.pow(top - idx[r]));
            m[r][4] = BigDecimal.ONE;
        }
        return det(m).signum();
    }

    private static BigDecimal det(BigDecimal[][] m) {
        int n = m.length;
        if (n == 1) {
            return m[0][0];
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int c = 0; c < n; c++) {
            BigDecimal[][] minor = new BigDecimal[n - 1][n - 1];
            for (int r = 1; r < n; r++) {
                for (int cc = 0, k = 0; cc < n; cc++) {
                    if (cc != c) {
                        minor[r - 1][k++] = m[r][cc];
                    }
                }
            }
            BigDecimal term = m[0][c].multiply(det(minor));
            sum = c % 2 == 0 ? sum.add(term) : sum.subtract(term);
        }
        return sum;
    }

    @Test
    void symbolicPerturbationDecidesCosphericalAndCoplanarCasesAsTheInfinitesimalLiftsDo() {
        // a 3x3x3 integer grid: many co-spherical and coplanar quintuples
        double[] grid = new double[3 * 27];
        for (int i = 0; i < 27; i++) {
            grid[3 * i] = i % 3;
            grid[3 * i + 1] = i / 3 % 3;
            grid[3 * i + 2] = i / 9;
        }
        SplittableRandom rnd = new SplittableRandom(5L);
        int zeros = 0;
        for (int t = 0; t < 3_000; t++) {
            int[] q = rnd.ints(0, 27).distinct().limit(5).toArray();
            int plain = Predicates.insphere(grid[3 * q[0]], grid[3 * q[0] + 1], grid[3 * q[0] + 2], grid[3 * q[1]],
                    grid[3 * q[1] + 1], grid[3 * q[1] + 2], grid[3 * q[2]], grid[3 * q[2] + 1], grid[3 * q[2] + 2],
                    grid[3 * q[3]], grid[3 * q[3] + 1], grid[3 * q[3] + 2], grid[3 * q[4]], grid[3 * q[4] + 1],
                    grid[3 * q[4] + 2]);
            zeros += plain == 0 ? 1 : 0;
            int sos = Predicates.insphereSos(grid, q[0], q[1], q[2], q[3], q[4]);
            assertThat(sos).as("quintuple %s", Arrays.toString(q)).isEqualTo(perturbedSign(grid, q));
        }
        assertThat(zeros).as("degenerate quintuples tried").isGreaterThan(300);
        // a non-flat tetrahedron never leaves a query undecided
        int[] tet = {0, 2, 6, 18};
        for (int e = 0; e < 27; e++) {
            int query = e;
            if (Arrays.stream(tet).noneMatch(v -> v == query)) {
                assertThat(Predicates.insphereSos(grid, tet[0], tet[1], tet[2], tet[3], e)).as("query %d", e)
                        .isNotZero();
            }
        }
    }
}
