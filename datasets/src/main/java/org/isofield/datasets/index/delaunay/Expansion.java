package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/**
 * An exact real number as a floating-point expansion (Shewchuk, "Adaptive Precision Floating-Point Arithmetic and
 * Fast Robust Geometric Predicates", 1997): a sum of doubles that do not overlap, stored from the smallest magnitude
 * to the largest, so the last component carries the sign and the others are ever smaller corrections. Sums and
 * products are exact: each rounding error is kept as a further component ({@code twoSum}, and {@code Math.fma} for
 * the error of a product). Zero components are dropped as they appear, and {@link #compress()} merges the rest into
 * as few components as the value needs, which keeps products of products short. Mutable and reused: one set of
 * these per thread serves every exact predicate without allocating once the arrays have grown to the inputs' needs.
 */
final class Expansion {
    private double[] c = new double[16];
    private int n;

    /** This = the double {@code v}. */
    Expansion set(double v) {
        n = 0;
        if (v != 0) {
            c[n++] = v;
        }
        return this;
    }

    /** This = {@code a - b} exactly, in at most two components. */
    Expansion setDifference(double a, double b) {
        double x = a - b;
        double bv = a - x;
        double av = x + bv;
        double tail = (a - av) + (bv - b);
        n = 0;
        if (tail != 0) {
            c[n++] = tail;
        }
        if (x != 0) {
            c[n++] = x;
        }
        return this;
    }

    /** This = {@code e + f}; this must be neither. */
    Expansion sum(Expansion e, Expansion f) {
        int en = e.n;
        int fn = f.n;
        grow(en + fn);
        double[] ec = e.c;
        double[] fc = f.c;
        double[] h = c;
        if (en == 0 || fn == 0) {
            System.arraycopy(en == 0 ? fc : ec, 0, h, 0, en + fn);
            n = en + fn;
            return this;
        }
        int i = 0;
        int j = 0;
        int k = 0;
        double q;
        if (Math.abs(ec[0]) <= Math.abs(fc[0])) {
            q = ec[i++];
        } else {
            q = fc[j++];
        }
        while (i < en || j < fn) {
            double g;
            if (j >= fn || (i < en && Math.abs(ec[i]) <= Math.abs(fc[j]))) {
                g = ec[i++];
            } else {
                g = fc[j++];
            }
            double s = q + g;
            double bv = s - q;
            double err = (q - (s - bv)) + (g - bv);
            if (err != 0) {
                h[k++] = err;
            }
            q = s;
        }
        if (q != 0) {
            h[k++] = q;
        }
        n = k;
        return this;
    }

    /** This = {@code e * b}; this must not be {@code e}. */
    Expansion scale(Expansion e, double b) {
        grow(2 * e.n);
        int k = 0;
        if (e.n == 0 || b == 0) {
            n = 0;
            return this;
        }
        double q = e.c[0] * b;
        double err = Math.fma(e.c[0], b, -q);
        if (err != 0) {
            c[k++] = err;
        }
        for (int i = 1; i < e.n; i++) {
            double p1 = e.c[i] * b;
            double p0 = Math.fma(e.c[i], b, -p1);
            double s = q + p0;
            double bv = s - q;
            double av = s - bv;
            err = (q - av) + (p0 - bv);
            if (err != 0) {
                c[k++] = err;
            }
            q = p1 + s;
            err = s - (q - p1);
            if (err != 0) {
                c[k++] = err;
            }
        }
        if (q != 0) {
            c[k++] = q;
        }
        n = k;
        return this;
    }

    /**
     * This = {@code e * f}, exact, compressed; {@code t} and {@code u} are scratch, and none of the four may be the
     * same.
     */
    Expansion product(Expansion e, Expansion f, Expansion t, Expansion u) {
        if (f.n == 0 || e.n == 0) {
            n = 0;
            return this;
        }
        if (f.n == 1 && e.n == 1) {
            double x = e.c[0] * f.c[0];
            double err = Math.fma(e.c[0], f.c[0], -x);
            n = 0;
            if (err != 0) {
                c[n++] = err;
            }
            c[n++] = x;
            return this;
        }
        scale(e, f.c[0]);
        for (int j = 1; j < f.n; j++) {
            t.scale(e, f.c[j]);
            swap(u);
            sum(u, t);
        }
        return compress();
    }

    /** This = {@code -this}. */
    Expansion negate() {
        for (int i = 0; i < n; i++) {
            c[i] = -c[i];
        }
        return this;
    }

    /**
     * Rewrites this in place with the fewest components the procedure finds: a pass from the largest component down
     * that merges each into a running sum and keeps what cannot be merged, then a pass back up.
     */
    Expansion compress() {
        if (n < 3) {
            return this;
        }
        int bottom = n - 1;
        double q = c[bottom];
        for (int i = n - 2; i >= 0; i--) {
            double now = c[i];
            double s = q + now;
            double small = now - (s - q);
            if (small != 0) {
                c[bottom--] = s;
                q = small;
            } else {
                q = s;
            }
        }
        c[bottom] = q;
        int top = 0;
        for (int i = bottom + 1; i < n; i++) {
            double now = c[i];
            double s = now + q;
            double small = q - (s - now);
            if (small != 0) {
                c[top++] = small;
            }
            q = s;
        }
        c[top++] = q;
        n = top;
        return this;
    }

    /** The sign of the exact value: that of its largest component. */
    int signum() {
        return n == 0 ? 0 : (c[n - 1] > 0 ? 1 : -1);
    }

    /** The value rounded roughly (the components added from the smallest). */
    double estimate() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += c[i];
        }
        return s;
    }

    /** The number of components. */
    int length() {
        return n;
    }

    /** Exchanges the contents of this and {@code o}: their arrays trade places, nothing is copied. */
    private void swap(Expansion o) {
        double[] a = c;
        c = o.c;
        o.c = a;
        int m = n;
        n = o.n;
        o.n = m;
    }

    private void grow(int need) {
        if (need > c.length) {
            c = Arrays.copyOf(c, Math.max(need, 2 * c.length));
        }
    }
}
