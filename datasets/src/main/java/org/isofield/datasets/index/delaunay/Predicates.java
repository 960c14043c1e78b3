package org.isofield.datasets.index.delaunay;

/**
 * Exact geometric predicates on double coordinates, the base of the 3D Delaunay triangulation: the sign of
 * {@link #orient3d} (which side of a plane) and of {@link #insphere} (inside a circumsphere) is always the sign of the
 * exact determinant of the inputs as written, never a rounding artefact. Without that, a triangulation of co-spherical
 * or nearly flat configurations can contradict itself and the Voronoi mesh built on it loses its guarantees.
 *
 * <p>In the manner of Shewchuk ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates",
 * 1997): the determinant is first evaluated in doubles together with a bound on its rounding error, computed from the
 * magnitudes of the same terms (his error-bound constants {@code (7 + 56 eps) eps} for orient3d and
 * {@code (16 + 224 eps) eps} for insphere, with {@code eps = 2^-53}); when the value exceeds the bound its sign is
 * certain and returned. Only the rare remaining cases (near-degenerate inputs) go on to the later, exact stages in
 * {@link ExactDeterminants}: floating-point expansions, first from the rounded coordinate differences and only when
 * those were inexact and the result is too close to call, from the exact ones. Inputs must be finite.
 * Stateless and thread-safe.
 */
public final class Predicates {
    private static final double EPS = 0x1p-53;
    private static final double O3D_BOUND = (7.0 + 56.0 * EPS) * EPS;
    private static final double ISP_BOUND = (16.0 + 224.0 * EPS) * EPS;

    private Predicates() {
    }

    /**
     * The sign of the orientation of {@code d} against the plane through {@code a, b, c}: positive when {@code d} lies
     * below the plane seen from where {@code a, b, c} appear counter-clockwise (the determinant of
     * {@code [a - d; b - d; c - d]} is positive), negative above, 0 when the four points are coplanar.
     */
    public static int orient3d(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy,
            double cz, double dx, double dy, double dz) {
        double adx = ax - dx;
        double bdx = bx - dx;
        double cdx = cx - dx;
        double ady = ay - dy;
        double bdy = by - dy;
        double cdy = cy - dy;
        double adz = az - dz;
        double bdz = bz - dz;
        double cdz = cz - dz;
        double bdxcdy = bdx * cdy;
        double cdxbdy = cdx * bdy;
        double cdxady = cdx * ady;
        double adxcdy = adx * cdy;
        double adxbdy = adx * bdy;
        double bdxady = bdx * ady;
        double det = adz * (bdxcdy - cdxbdy) + bdz * (cdxady - adxcdy) + cdz * (adxbdy - bdxady);
        double permanent = (Math.abs(bdxcdy) + Math.abs(cdxbdy)) * Math.abs(adz)
                + (Math.abs(cdxady) + Math.abs(adxcdy)) * Math.abs(bdz)
                + (Math.abs(adxbdy) + Math.abs(bdxady)) * Math.abs(cdz);
        double bound = O3D_BOUND * permanent;
        if (det > bound || -det > bound) {
            return det > 0 ? 1 : -1;
        }
        return ExactDeterminants.local().orient3d(ax, ay, az, bx, by, bz, cx, cy, cz, dx, dy, dz, permanent);
    }

    /**
     * The sign of the position of {@code e} against the sphere through {@code a, b, c, d}: positive when {@code e} is
     * inside, provided {@code a, b, c, d} have positive {@link #orient3d} (the sign flips with the orientation),
     * negative outside, 0 when the five points are co-spherical (or the first four coplanar).
     */
    public static int insphere(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy,
            double cz, double dx, double dy, double dz, double ex, double ey, double ez) {
        double aex = ax - ex;
        double bex = bx - ex;
        double cex = cx - ex;
        double dex = dx - ex;
        double aey = ay - ey;
        double bey = by - ey;
        double cey = cy - ey;
        double dey = dy - ey;
        double aez = az - ez;
        double bez = bz - ez;
        double cez = cz - ez;
        double dez = dz - ez;
        double ab = aex * bey - bex * aey;
        double bc = bex * cey - cex * bey;
        double cd = cex * dey - dex * cey;
        double da = dex * aey - aex * dey;
        double ac = aex * cey - cex * aey;
        double bd = bex * dey - dex * bey;
        double abc = aez * bc - bez * ac + cez * ab;
        double bcd = bez * cd - cez * bd + dez * bc;
        double cda = cez * da + dez * ac + aez * cd;
        double dab = dez * ab + aez * bd + bez * da;
        double alift = aex * aex + aey * aey + aez * aez;
        double blift = bex * bex + bey * bey + bez * bez;
        double clift = cex * cex + cey * cey + cez * cez;
        double dlift = dex * dex + dey * dey + dez * dez;
        double det = (dlift * abc - clift * dab) + (blift * cda - alift * bcd);
        double aezp = Math.abs(aez);
        double bezp = Math.abs(bez);
        double cezp = Math.abs(cez);
        double dezp = Math.abs(dez);
        double abp = Math.abs(aex * bey) + Math.abs(bex * aey);
        double bcp = Math.abs(bex * cey) + Math.abs(cex * bey);
        double cdp = Math.abs(cex * dey) + Math.abs(dex * cey);
        double dap = Math.abs(dex * aey) + Math.abs(aex * dey);
        double acp = Math.abs(aex * cey) + Math.abs(cex * aey);
        double bdp = Math.abs(bex * dey) + Math.abs(dex * bey);
        double permanent = (cdp * bezp + bdp * cezp + bcp * dezp) * alift
                + (dap * cezp + acp * dezp + cdp * aezp) * blift
                + (abp * dezp + bdp * aezp + dap * bezp) * clift
                + (bcp * aezp + acp * bezp + abp * cezp) * dlift;
        double bound = ISP_BOUND * permanent;
        if (det > bound || -det > bound) {
            return det > 0 ? 1 : -1;
        }
        return ExactDeterminants.local().insphere(ax, ay, az, bx, by, bz, cx, cy, cz, dx, dy, dz, ex, ey, ez,
                permanent);
    }

    /**
     * {@link #insphere} with symbolic perturbation: never 0 for a tetrahedron {@code a, b, c, d} that is not flat, so a
     * triangulation of co-spherical points (a regular grid) is still unique. Each point's lifted coordinate
     * {@code |p|^2} is raised by an infinitesimal {@code eps^(K - index)}, the larger for the larger index (K above
     * every index), and the sign is that of the perturbed determinant: the exact one when it is not 0, else the first
     * non-zero term of the perturbation, found by taking the five points from the largest index down. The term of a
     * point is the orientation of the other four, signed by the point's row: raising the query's lift moves it out of
     * the sphere, raising a vertex's lift draws the sphere away from it. Indices must be distinct.
     *
     * @param p points, {@code 3M}; a, b, c, d, e index them (and are their symbolic ranks)
     */
    public static int insphereSos(double[] p, int a, int b, int c, int d, int e) {
        return insphereSos(p, null, a, b, c, d, e);
    }

    /**
     * {@link #insphereSos(double[], int, int, int, int, int)} with the symbolic ranks apart from the storage indices:
     * point {@code i} is at {@code p[3i..3i+2]} and has rank {@code rank[i]} (distinct), or rank {@code i} when
     * {@code rank} is null or shorter than {@code i}. A triangulation that stores its points in its own order keeps
     * the perturbation of the caller's indices this way.
     */
    static int insphereSos(double[] p, int[] rank, int a, int b, int c, int d, int e) {
        int s = insphere(p[3 * a], p[3 * a + 1], p[3 * a + 2], p[3 * b], p[3 * b + 1], p[3 * b + 2], p[3 * c],
                p[3 * c + 1], p[3 * c + 2], p[3 * d], p[3 * d + 1], p[3 * d + 2], p[3 * e], p[3 * e + 1], p[3 * e + 2]);
        if (s != 0) {
            return s;
        }
        int[] rows = {a, b, c, d, e};
        int[] ranks = new int[5];
        for (int j = 0; j < 5; j++) {
            ranks[j] = rank != null && rows[j] < rank.length ? rank[rows[j]] : rows[j];
        }
        int[] rest = new int[4];
        int done = Integer.MAX_VALUE;
        for (int step = 0; step < 5; step++) {
            // the row of the largest rank not yet tried
            int k = -1;
            for (int j = 0; j < 5; j++) {
                if (ranks[j] < done && (k < 0 || ranks[j] > ranks[k])) {
                    k = j;
                }
            }
            done = ranks[k];
            int n = 0;
            for (int j = 0; j < 5; j++) {
                if (j != k) {
                    rest[n++] = rows[j];
                }
            }
            int o = orient3d(p[3 * rest[0]], p[3 * rest[0] + 1], p[3 * rest[0] + 2], p[3 * rest[1]],
                    p[3 * rest[1] + 1], p[3 * rest[1] + 2], p[3 * rest[2]], p[3 * rest[2] + 1], p[3 * rest[2] + 2],
                    p[3 * rest[3]], p[3 * rest[3] + 1], p[3 * rest[3] + 2]);
            if (o != 0) {
                // the cofactor of row k in the lift column of the 5x5 form [x y z |p|^2 1]: (-1)^(k + 3)
                return (k % 2 == 0) ? -o : o;
            }
        }
        return 0;
    }
}
