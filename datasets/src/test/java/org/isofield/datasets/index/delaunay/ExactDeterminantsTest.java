package org.isofield.datasets.index.delaunay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The expansion stages against BigDecimal, on the inputs that reach them: co-spherical and coplanar grids with exact
 * and with inexact coordinate differences, points near 1e6 a few ulps apart, coordinates of widely different
 * magnitudes, nearly flat sets. An infinite permanent forces the last stage whenever a difference is inexact, a zero
 * one lets stage B's rounded value decide; both must give the exact sign (the first always, the second here only
 * where the exact value is far from 0, which the test checks through the real permanent instead).
 */
class ExactDeterminantsTest {
    private static final int CASES = 4_000;

    @Test
    void everyKindOfHardInputGetsTheSignOfExactArithmetic() {
        SplittableRandom rnd = new SplittableRandom(11L);
        ExactDeterminants exact = ExactDeterminants.local();
        int zeros = 0;
        int inexact = 0;
        for (int kind = 0; kind < 6; kind++) {
            for (int i = 0; i < CASES; i++) {
                double[] q = points(kind, rnd);
                int isp = BigDecimalPredicates.insphereExact(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8],
                        q[9], q[10], q[11], q[12], q[13], q[14]);
                int o3d = BigDecimalPredicates.orient3dExact(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8],
                        q[9], q[10], q[11]);
                assertThat(exact.insphere(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11],
                        q[12], q[13], q[14], Double.POSITIVE_INFINITY)).as("insphere kind %d case %d", kind, i)
                        .isEqualTo(isp);
                assertThat(exact.orient3d(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11],
                        Double.POSITIVE_INFINITY)).as("orient3d kind %d case %d", kind, i).isEqualTo(o3d);
                assertThat(Predicates.insphere(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10],
                        q[11], q[12], q[13], q[14])).as("staged insphere kind %d case %d", kind, i).isEqualTo(isp);
                assertThat(Predicates.orient3d(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10],
                        q[11])).as("staged orient3d kind %d case %d", kind, i).isEqualTo(o3d);
                zeros += isp == 0 ? 1 : 0;
                inexact += q[0] - q[12] + q[12] != q[0] ? 1 : 0;
            }
        }
        assertThat(zeros).as("co-spherical cases are among them").isGreaterThan(CASES / 2);
        assertThat(inexact).as("cases with inexact differences are among them").isGreaterThan(CASES / 4);
    }

    @Test
    void expansionsStayShortAndExact() {
        // (1 + 2^-60)^2 = 1 + 2^-59 + 2^-120: three components, and its sign survives subtracting the rounded square
        Expansion a = new Expansion().set(1.0 + 0x1p-52);
        Expansion s = new Expansion().product(a, a, new Expansion(), new Expansion());
        assertThat(s.length()).isEqualTo(2);
        Expansion r = new Expansion().set(-(1.0 + 0x1p-51));
        Expansion diff = new Expansion().sum(s, r).compress();
        assertThat(diff.signum()).isEqualTo(1);
        assertThat(diff.estimate()).isEqualTo(0x1p-104);
        Expansion zero = new Expansion().sum(new Expansion().set(0x1p-104), new Expansion().set(-0x1p-104));
        assertThat(zero.signum()).isZero();
        assertThat(zero.length()).isZero();
    }

    /** Five points (15 doubles) of the given kind. */
    private static double[] points(int kind, SplittableRandom rnd) {
        double[] q = new double[15];
        int ox = rnd.nextInt(0, 40);
        int oy = rnd.nextInt(0, 40);
        int oz = rnd.nextInt(0, 40);
        double base = 1e6 + rnd.nextInt(1000);
        double flatness = Math.scalb(1.0, -rnd.nextInt(20, 50));
        for (int p = 0; p < 5; p++) {
            for (int k = 0; k < 3; k++) {
                int cell = (k == 0 ? ox : k == 1 ? oy : oz) + rnd.nextInt(0, 3);
                q[3 * p + k] = switch (kind) {
                    case 0 -> cell; // integer grid: exact differences, mostly co-spherical
                    case 1 -> cell * 0.1; // a grid of step 0.1: inexact differences near the origin
                    case 2 -> 0.1 + cell * 0.1; // the same, never at the origin
                    case 3 -> base + Math.ulp(base) * rnd.nextInt(-8, 8); // near 1e6, a few ulps apart
                    case 4 -> Math.scalb(rnd.nextDouble(0.5, 1), rnd.nextInt(-40, 40)) * (rnd.nextBoolean() ? 1 : -1);
                    default -> k == 2 ? flatness * rnd.nextDouble(-1, 1) + cell : rnd.nextDouble(-1, 1) + cell;
                };
            }
        }
        return q;
    }
}
