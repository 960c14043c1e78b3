package org.isofield.datasets.index.delaunay;

import java.math.BigDecimal;

/**
 * The exact predicates in BigDecimal, which represents every double and its sums and products exactly: slow and
 * plainly right, the reference the expansion arithmetic of {@link ExactDeterminants} is tested against.
 */
final class BigDecimalPredicates {
    private BigDecimalPredicates() {
    }

    /** The sign of {@link Predicates#orient3d}, computed in BigDecimal. */
    static int orient3dExact(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy,
            double cz, double dx, double dy, double dz) {
        BigDecimal adx = sub(ax, dx);
        BigDecimal ady = sub(ay, dy);
        BigDecimal adz = sub(az, dz);
        BigDecimal bdx = sub(bx, dx);
        BigDecimal bdy = sub(by, dy);
        BigDecimal bdz = sub(bz, dz);
        BigDecimal cdx = sub(cx, dx);
        BigDecimal cdy = sub(cy, dy);
        BigDecimal cdz = sub(cz, dz);
        return det3(adx, ady, adz, bdx, bdy, bdz, cdx, cdy, cdz).signum();
    }

    /** The sign of {@link Predicates#insphere} in BigDecimal: the 4x4 determinant of the lifted differences. */
    static int insphereExact(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy,
            double cz, double dx, double dy, double dz, double ex, double ey, double ez) {
        BigDecimal[][] m = new BigDecimal[4][4];
        double[][] p = {{ax, ay, az}, {bx, by, bz}, {cx, cy, cz}, {dx, dy, dz}};
        double[] e = {ex, ey, ez};
        for (int r = 0; r < 4; r++) {
            BigDecimal lift = BigDecimal.ZERO;
            for (int c = 0; c < 3; c++) {
                m[r][c] = sub(p[r][c], e[c]);
                lift = lift.add(m[r][c].multiply(m[r][c]));
            }
            m[r][3] = lift;
        }
        BigDecimal det = BigDecimal.ZERO;
        for (int r = 0; r < 4; r++) {
            BigDecimal[] rows = new BigDecimal[9];
            int k = 0;
            for (int s = 0; s < 4; s++) {
                if (s != r) {
                    rows[k++] = m[s][0];
                    rows[k++] = m[s][1];
                    rows[k++] = m[s][2];
                }
            }
            BigDecimal minor = det3(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6], rows[7], rows[8]);
            BigDecimal term = m[r][3].multiply(minor);
            // cofactor sign of column 3 in row r: (-1)^(r + 3)
            det = (r % 2 == 0) ? det.subtract(term) : det.add(term);
        }
        return det.signum();
    }

    private static BigDecimal sub(double a, double b) {
        return new BigDecimal(a).subtract(new BigDecimal(b));
    }

    private static BigDecimal det3(BigDecimal ax, BigDecimal ay, BigDecimal az, BigDecimal bx, BigDecimal by,
            BigDecimal bz, BigDecimal cx, BigDecimal cy, BigDecimal cz) {
        BigDecimal m1 = by.multiply(cz).subtract(bz.multiply(cy));
        BigDecimal m2 = bx.multiply(cz).subtract(bz.multiply(cx));
        BigDecimal m3 = bx.multiply(cy).subtract(by.multiply(cx));
        return ax.multiply(m1).subtract(ay.multiply(m2)).add(az.multiply(m3));
    }
}
