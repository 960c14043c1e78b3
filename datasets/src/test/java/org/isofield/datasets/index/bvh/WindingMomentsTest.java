package org.isofield.datasets.index.bvh;

import static org.assertj.core.api.Assertions.assertThat;

import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindingMomentsTest {

    /** Error of the node expansion at distance k radii, for a leaf of four random triangles. */
    private static double farFieldError(TriangleBvh bvh, double k) {
        float[] m = bvh.winding.balls;
        double r = m[3];
        double qx = m[0] + k * r * 0.6, qy = m[1] - k * r * 0.48, qz = m[2] + k * r * 0.64;
        double rx = m[0] - qx, ry = m[1] - qy, rz = m[2] - qz;
        double far = WindingNumberQuery.farField(bvh.winding.coeffs, 0, rx, ry, rz, rx * rx + ry * ry + rz * rz)
                / (4 * Math.PI);
        return Math.abs(far - bvh.exactWindingNumber(qx, qy, qz));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void farFieldErrorFallsLikeAnOrderTwoExpansion(long seed) {
        TriangleBvh bvh = TriangleBvh.build(RandomMeshes.soup(seed, 4, 0.5));
        assertThat(bvh.nodeCount()).isEqualTo(1);
        // Truncating after the second-order term leaves an error ~ (r / d)^3 relative to the dipole ~ 1/d^2,
        // so doubling the distance divides it by about 2^5 = 32 (order 1 would give 16, order 0 only 8).
        double e12 = farFieldError(bvh, 12);
        double e24 = farFieldError(bvh, 24);
        assertThat(e12 / e24).isGreaterThan(22);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void innerNodeBallsContainTheirTriangles(long seed) {
        TriangleBvh bvh = TriangleBvh.build(RandomMeshes.soup(seed, 3000, 0.05));
        float[] m = bvh.winding.balls;
        for (int n = 0; n < bvh.nodeCount(); n++) {
            int o = 4 * n;
            for (int k = bvh.nodes[4 * n]; k < bvh.nodes[4 * n] + bvh.nodes[4 * n + 1]; k++) {
                for (int c = 0; c < 3; c++) {
                    double dx = (double) bvh.tris[9 * k + 3 * c] - m[o];
                    double dy = (double) bvh.tris[9 * k + 3 * c + 1] - m[o + 1];
                    double dz = (double) bvh.tris[9 * k + 3 * c + 2] - m[o + 2];
                    assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isLessThanOrEqualTo(m[o + 3]);
                }
            }
        }
    }
}
