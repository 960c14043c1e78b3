package org.isofield.datasets.index.delaunay;

/**
 * The later stages of {@link Predicates}, for inputs the double-precision filter could not decide, in the staged
 * manner of Shewchuk (1997). Stage B evaluates the determinant exactly in {@link Expansion}s from the coordinate
 * differences as rounded to doubles. When every difference was exact (their rounding errors, found by two-diff, are
 * all 0: integer or other regular grids, points close together) that is the exact sign. Otherwise the value is
 * trusted when it clears Shewchuk's stage-B error bound ({@code (3 + 28 eps) eps} for orient3d,
 * {@code (5 + 72 eps) eps} for insphere, times the same permanent as the filter); only when it does not is the
 * determinant evaluated again from the exact two-component differences. Both evaluations compress after each product,
 * so expansions stay a few components long. One instance per thread ({@link #local()}), its expansions reused.
 */
final class ExactDeterminants {
    private static final double EPS = 0x1p-53;
    private static final double O3D_BOUND_B = (3.0 + 28.0 * EPS) * EPS;
    private static final double ISP_BOUND_B = (5.0 + 72.0 * EPS) * EPS;
    private static final ThreadLocal<ExactDeterminants> LOCAL = ThreadLocal.withInitial(ExactDeterminants::new);

    private final Expansion[] d = new Expansion[12];
    private final Expansion[] minor = new Expansion[6];
    private final Expansion[] triple = new Expansion[4];
    private final Expansion[] lift = new Expansion[4];
    private final Expansion[] tmp = new Expansion[6];
    private final Expansion acc = new Expansion();
    private final Expansion total = new Expansion();
    private final double[] q = new double[15];

    private ExactDeterminants() {
        init(d);
        init(minor);
        init(triple);
        init(lift);
        init(tmp);
    }

    /** The instance of the calling thread. */
    static ExactDeterminants local() {
        return LOCAL.get();
    }

    /** The exact sign of orient3d; {@code permanent} is the filter's (for the stage-B bound). */
    int orient3d(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy, double cz,
            double dx, double dy, double dz, double permanent) {
        q[0] = ax;
        q[1] = ay;
        q[2] = az;
        q[3] = bx;
        q[4] = by;
        q[5] = bz;
        q[6] = cx;
        q[7] = cy;
        q[8] = cz;
        boolean exact = differences(q, 3, dx, dy, dz, false);
        Expansion b = orient3dOfDifferences();
        if (exact || Math.abs(b.estimate()) >= O3D_BOUND_B * permanent) {
            return b.signum();
        }
        differences(q, 3, dx, dy, dz, true);
        return orient3dOfDifferences().signum();
    }

    /** The exact sign of insphere; {@code permanent} is the filter's (for the stage-B bound). */
    int insphere(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy, double cz,
            double dx, double dy, double dz, double ex, double ey, double ez, double permanent) {
        q[0] = ax;
        q[1] = ay;
        q[2] = az;
        q[3] = bx;
        q[4] = by;
        q[5] = bz;
        q[6] = cx;
        q[7] = cy;
        q[8] = cz;
        q[9] = dx;
        q[10] = dy;
        q[11] = dz;
        boolean exact = differences(q, 4, ex, ey, ez, false);
        Expansion b = insphereOfDifferences();
        if (exact || Math.abs(b.estimate()) >= ISP_BOUND_B * permanent) {
            return b.signum();
        }
        differences(q, 4, ex, ey, ez, true);
        return insphereOfDifferences().signum();
    }

    /**
     * Sets {@code d[3i + k]} to point i's coordinate k minus the apex's: rounded, or exact when {@code exact}.
     * Returns whether every rounded difference was exact.
     */
    private boolean differences(double[] p, int points, double x, double y, double z, boolean exact) {
        boolean allExact = true;
        for (int i = 0; i < points; i++) {
            for (int k = 0; k < 3; k++) {
                double a = p[3 * i + k];
                double b = k == 0 ? x : k == 1 ? y : z;
                if (exact) {
                    d[3 * i + k].setDifference(a, b);
                } else {
                    double r = a - b;
                    d[3 * i + k].set(r);
                    double bv = a - r;
                    double av = r + bv;
                    allExact &= (a - av) + (bv - b) == 0;
                }
            }
        }
        return allExact;
    }

    /** The 3x3 determinant of the rows {@code d[0..2], d[3..5], d[6..8]}, into {@link #total}. */
    private Expansion orient3dOfDifferences() {
        // adz (bdx cdy - cdx bdy) + bdz (cdx ady - adx cdy) + cdz (adx bdy - bdx ady)
        cross(minor[0], 3, 7, 6, 4);
        cross(minor[1], 6, 1, 0, 7);
        cross(minor[2], 0, 4, 3, 1);
        tmp[4].product(d[2], minor[0], tmp[0], tmp[1]);
        tmp[5].product(d[5], minor[1], tmp[0], tmp[1]);
        acc.sum(tmp[4], tmp[5]);
        tmp[4].product(d[8], minor[2], tmp[0], tmp[1]);
        return total.sum(acc, tmp[4]).compress();
    }

    /** The lifted 4x4 determinant of the rows {@code d[0..11]} (apex at the origin), into {@link #total}. */
    private Expansion insphereOfDifferences() {
        // row r's x, y, z are d[3r], d[3r + 1], d[3r + 2]; minors of x, y over the row pairs ab bc cd da ac bd
        cross(minor[0], 0, 4, 3, 1);
        cross(minor[1], 3, 7, 6, 4);
        cross(minor[2], 6, 10, 9, 7);
        cross(minor[3], 9, 1, 0, 10);
        cross(minor[4], 0, 7, 6, 1);
        cross(minor[5], 3, 10, 9, 4);
        // abc = az bc - bz ac + cz ab; bcd = bz cd - cz bd + dz bc; cda = cz da + dz ac + az cd;
        // dab = dz ab + az bd + bz da
        triple(triple[0], 2, 1, false, 5, 4, true, 8, 0, false);
        triple(triple[1], 5, 2, false, 8, 5, true, 11, 1, false);
        triple(triple[2], 8, 3, false, 11, 4, false, 2, 2, false);
        triple(triple[3], 11, 0, false, 2, 5, false, 5, 3, false);
        for (int r = 0; r < 4; r++) {
            tmp[0].product(d[3 * r], d[3 * r], tmp[4], tmp[5]);
            tmp[1].product(d[3 * r + 1], d[3 * r + 1], tmp[4], tmp[5]);
            tmp[2].sum(tmp[0], tmp[1]);
            tmp[0].product(d[3 * r + 2], d[3 * r + 2], tmp[4], tmp[5]);
            lift[r].sum(tmp[2], tmp[0]).compress();
        }
        // (dlift abc - clift dab) + (blift cda - alift bcd)
        total.product(lift[3], triple[0], tmp[4], tmp[5]);
        tmp[0].product(lift[2], triple[3], tmp[4], tmp[5]).negate();
        acc.sum(total, tmp[0]);
        tmp[1].product(lift[1], triple[2], tmp[4], tmp[5]);
        total.sum(acc, tmp[1]);
        tmp[0].product(lift[0], triple[1], tmp[4], tmp[5]).negate();
        return acc.sum(total, tmp[0]).compress();
    }

    /** {@code out = d[a] d[b] - d[c] d[e]}. */
    private void cross(Expansion out, int a, int b, int c, int e) {
        tmp[0].product(d[a], d[b], tmp[4], tmp[5]);
        tmp[1].product(d[c], d[e], tmp[4], tmp[5]).negate();
        out.sum(tmp[0], tmp[1]).compress();
    }

    /** {@code out = ±d[z0] minor[m0] ± d[z1] minor[m1] ± d[z2] minor[m2]}, each sign negative when its flag is set. */
    private void triple(Expansion out, int z0, int m0, boolean neg0, int z1, int m1, boolean neg1, int z2, int m2,
            boolean neg2) {
        tmp[0].product(d[z0], minor[m0], tmp[4], tmp[5]);
        if (neg0) {
            tmp[0].negate();
        }
        tmp[1].product(d[z1], minor[m1], tmp[4], tmp[5]);
        if (neg1) {
            tmp[1].negate();
        }
        tmp[2].sum(tmp[0], tmp[1]);
        tmp[0].product(d[z2], minor[m2], tmp[4], tmp[5]);
        if (neg2) {
            tmp[0].negate();
        }
        out.sum(tmp[2], tmp[0]).compress();
    }

    private static void init(Expansion[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = new Expansion();
        }
    }
}
