package org.isofield.datasets.index.bvh;

/**
 * {@code atan} and {@code atan2} in plain Java, ported from fdlibm's {@code s_atan.c} (Sun Microsystems, 1993, as
 * used by {@link StrictMath}): within 1 ulp of the exact result. On JDK 17 {@link Math#atan2} is a native call
 * without a JIT intrinsic, several times slower than this inlinable version; the winding number calls it once per
 * near triangle. Stateless and thread-safe.
 */
final class Atan {
    private static final double[] ATAN_HI = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
        9.82793723247329054082e-01, 1.57079632679489655800e+00};
    private static final double[] ATAN_LO = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
        1.39033110312309984516e-17, 6.12323399573676603587e-17};
    private static final double A0 = 3.33333333333329318027e-01;
    private static final double A1 = -1.99999999998764832476e-01;
    private static final double A2 = 1.42857142725034663711e-01;
    private static final double A3 = -1.11111104054623557880e-01;
    private static final double A4 = 9.09088713343650656196e-02;
    private static final double A5 = -7.69187620504482999495e-02;
    private static final double A6 = 6.66107313738753120669e-02;
    private static final double A7 = -5.83357013379057348645e-02;
    private static final double A8 = 4.97687799461593236017e-02;
    private static final double A9 = -3.65315727442169155270e-02;
    private static final double A10 = 1.62858201153657823623e-02;
    private static final double PI_LO = 1.2246467991473531772e-16;

    private Atan() {
    }

    /** Arc tangent in {@code [-pi/2, pi/2]}. */
    static double atan(double x) {
        double a = Math.abs(x);
        if (!(a < 0x1p66)) {
            return a == a ? Math.copySign(ATAN_HI[3] + ATAN_LO[3], x) : x;
        }
        int id;
        if (a < 0.4375) {
            if (a < 0x1p-29) {
                return x;
            }
            id = -1;
        } else if (a < 1.1875) {
            if (a < 0.6875) {
                id = 0;
                a = (2.0 * a - 1.0) / (2.0 + a);
            } else {
                id = 1;
                a = (a - 1.0) / (a + 1.0);
            }
        } else if (a < 2.4375) {
            id = 2;
            a = (a - 1.5) / (1.0 + 1.5 * a);
        } else {
            id = 3;
            a = -1.0 / a;
        }
        if (id < 0) {
            a = x;
        }
        double z = a * a;
        double w = z * z;
        double s1 = z * (A0 + w * (A2 + w * (A4 + w * (A6 + w * (A8 + w * A10)))));
        double s2 = w * (A1 + w * (A3 + w * (A5 + w * (A7 + w * A9))));
        if (id < 0) {
            return a - a * (s1 + s2);
        }
        double r = ATAN_HI[id] - ((a * (s1 + s2) - ATAN_LO[id]) - a);
        return x < 0 ? -r : r;
    }

    /**
     * Angle of {@code (x, y)} in {@code [-pi, pi]}: {@link Math#atan2} within 1 ulp for finite {@code x}, with the
     * same NaN and signed-zero cases ({@code atan2(+-0, x < 0) = +-pi}, {@code atan2(+-0, +0) = +-0}).
     */
    static double atan2(double y, double x) {
        if (x != x || y != y) {
            return x + y;
        }
        if (x > 0) {
            return atan(y / x);
        }
        if (x < 0) {
            double r = atan(Math.abs(y / x));
            return Math.copySign(Math.PI - (r - PI_LO), y);
        }
        if (y != 0) {
            return Math.copySign(Math.PI / 2, y);
        }
        return Double.doubleToRawLongBits(x) < 0 ? Math.copySign(Math.PI, y) : y;
    }
}
