package org.isofield.datasets.io.internal;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers from ASCII bytes without creating objects in the common case. Accepts an optional sign,
 * digits with an optional fraction, an optional exponent ({@code e}/{@code E}), and {@code nan}, {@code inf},
 * {@code infinity} in any case (which C and Java print). Results are exact: the {@code double} is the correctly
 * rounded value of the decimal, and so is the {@code float} (never the double rounded again, which could differ by
 * one ulp), so a float written with enough digits reads back bit for bit.
 *
 * <p>The fast path (at most 18 significant digits and a power of ten up to 1e22) needs one floating-point
 * operation; other inputs fall back to {@link Double#parseDouble} and {@link Float#parseFloat}. One instance holds the
 * last result; it is not thread-safe.
 */
public final class DecimalParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long TWO_POW_53 = 1L << 53;
    private static final int MAX_DIGITS = 18;

    private double value;
    private float floatValue;

    /** The last parsed value as a correctly rounded double. */
    public double value() {
        return value;
    }

    /** The last parsed value as a correctly rounded float. */
    public float floatValue() {
        return floatValue;
    }

    /**
     * Parses {@code b[from, to)}.
     *
     * @return false (and no result) when the bytes are not exactly one number
     */
    public boolean parse(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return false;
        }
        boolean negative = false;
        int c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            if (++i >= to) {
                return false;
            }
            c = b[i];
        }
        if (c != '.' && (c < '0' || c > '9')) {
            return special(b, i, to, negative);
        }
        long m = 0;
        int sig = 0;
        int exp = 0;
        boolean digits = false;
        boolean inexact = false;
        for (; i < to && (c = b[i]) >= '0' && c <= '9'; i++) {
            digits = true;
            if (m == 0 && c == '0') {
                continue;
            }
            if (sig < MAX_DIGITS) {
                m = m * 10 + (c - '0');
                sig++;
            } else {
                exp++;
                inexact |= c != '0';
            }
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to && (c = b[i]) >= '0' && c <= '9'; i++) {
                digits = true;
                if (m == 0 && c == '0') {
                    exp--;
                } else if (sig < MAX_DIGITS) {
                    m = m * 10 + (c - '0');
                    sig++;
                    exp--;
                } else {
                    inexact |= c != '0';
                }
            }
        }
        if (!digits) {
            return false;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean expDigits = false;
            for (; i < to && (c = b[i]) >= '0' && c <= '9'; i++) {
                expDigits = true;
                if (e < 100_000) {
                    e = e * 10 + (c - '0');
                }
            }
            if (!expDigits) {
                return false;
            }
            exp += expNegative ? -e : e;
        }
        if (i != to) {
            return false;
        }
        if (m == 0) {
            value = negative ? -0.0 : 0.0;
            floatValue = negative ? -0.0f : 0.0f;
            return true;
        }
        if (inexact || m >= TWO_POW_53 || exp < -22 || exp > 22) {
            return slow(b, from, to);
        }
        double d = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
        value = negative ? -d : d;
        floatValue = (float) value;
        if (needsExactFloat(value)) {
            floatValue = Float.parseFloat(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /**
     * Whether rounding this correctly rounded double to float could differ from rounding the decimal directly: the
     * double lies exactly halfway between two floats, or in the float subnormal range.
     */
    private static boolean needsExactFloat(double d) {
        long bits = Double.doubleToRawLongBits(d);
        double a = Math.abs(d);
        return (bits & 0x1FFF_FFFFL) == 0x1000_0000L || (a < 0x1p-126 && a != 0);
    }

    private boolean slow(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        value = Double.parseDouble(s);
        floatValue = Float.parseFloat(s);
        return true;
    }

    private boolean special(byte[] b, int i, int to, boolean negative) {
        int n = to - i;
        if (n == 3 && matches(b, i, "nan")) {
            value = Double.NaN;
            floatValue = Float.NaN;
            return true;
        }
        if ((n == 3 && matches(b, i, "inf")) || (n == 8 && matches(b, i, "infinity"))) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            floatValue = (float) value;
            return true;
        }
        return false;
    }

    private static boolean matches(byte[] b, int i, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((b[i + k] | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a whole decimal integer of at most 18 digits with an optional sign from {@code b[from, to)}.
     *
     * @return the value, or {@link Long#MIN_VALUE} when the bytes are not such an integer
     */
    public static long parseLong(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i >= to || to - i > MAX_DIGITS) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + c;
        }
        return negative ? -v : v;
    }
}
