package org.isofield.datasets.index.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.isofield.datasets.index.QueryOrder;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PointWindingNumberTest {
    /** N points spread evenly over a sphere of radius r (Fibonacci lattice), outward normals, equal areas. */
    static float[][] sphere(int n, double r) {
        float[] p = new float[3 * n];
        float[] nrm = new float[3 * n];
        float[] area = new float[n];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double z = 1 - 2 * (i + 0.5) / n;
            double s = Math.sqrt(1 - z * z);
            double a = golden * i;
            nrm[3 * i] = (float) (s * Math.cos(a));
            nrm[3 * i + 1] = (float) (s * Math.sin(a));
            nrm[3 * i + 2] = (float) z;
            for (int d = 0; d < 3; d++) {
                p[3 * i + d] = (float) (r * nrm[3 * i + d]);
            }
            area[i] = (float) (4 * Math.PI * r * r / n);
        }
        return new float[][] {p, nrm, area};
    }

    private static double bruteForce(float[][] s, double x, double y, double z) {
        double w = 0;
        for (int i = 0; i < s[2].length; i++) {
            double dx = s[0][3 * i] - x;
            double dy = s[0][3 * i + 1] - y;
            double dz = s[0][3 * i + 2] - z;
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            w += s[2][i] * (s[1][3 * i] * dx + s[1][3 * i + 1] * dy + s[1][3 * i + 2] * dz) / (4 * Math.PI * d * d * d);
        }
        return w;
    }

    @Test
    void isOneInsideAndZeroOutsideAClosedSphere() {
        float[][] s = sphere(4000, 1.0);
        PointWindingNumber w = new PointWindingNumber(s[0], s[1], s[2]);
        assertThat(w.at(0, 0, 0)).isCloseTo(1.0, Offset.offset(0.05));
        assertThat(w.at(0.5, -0.3, 0.2)).isCloseTo(1.0, Offset.offset(0.05));
        assertThat(w.at(2.0, 0, 0)).isCloseTo(0.0, Offset.offset(0.05));
        assertThat(w.at(-1.5, 1.5, 0.5)).isCloseTo(0.0, Offset.offset(0.05));
    }

    @Test
    void treeEvaluationMatchesTheDirectSum() {
        float[][] s = sphere(3000, 1.0);
        PointWindingNumber w = new PointWindingNumber(s[0], s[1], s[2]);
        Random random = new Random(5);
        float[] q = new float[3 * 200];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) (4 * random.nextDouble() - 2);
        }
        double[] fast = w.at(q);
        for (int i = 0; i < 200; i++) {
            double exact = bruteForce(s, q[3 * i], q[3 * i + 1], q[3 * i + 2]);
            assertThat(fast[i]).as("query %d", i).isCloseTo(exact, Offset.offset(0.05));
        }
    }

    /** The batch visits queries in Morton order; each value must still be the single query's, bit for bit. */
    @Test
    void batchValuesEqualSingleQueriesBitwiseInAnyOrder() {
        float[][] s = sphere(5000, 1.0);
        PointWindingNumber w = new PointWindingNumber(s[0], s[1], s[2]);
        Random random = new Random(8);
        int m = QueryOrder.MIN_QUERIES + 809; // large enough to be reordered
        float[] q = new float[3 * m];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) (3 * random.nextDouble() - 1.5);
        }
        System.arraycopy(q, 0, q, 3 * 7, 3); // a duplicate query
        System.arraycopy(s[0], 0, q, 3 * 11, 3); // on a point of the cloud
        double[] batch = w.at(q);
        for (int i = 0; i < m; i++) {
            assertThat(batch[i]).as("query %d", i).isEqualTo(w.at(q[3 * i], q[3 * i + 1], q[3 * i + 2]));
        }
        int[] order = QueryOrder.of(q);
        assertThat(order).as("a permutation").hasSize(m).doesNotHaveDuplicates();
        assertThat(order).as("not the input order").isNotEqualTo(IntStream.range(0, m).toArray());
    }

    @Test
    void aHoleLowersTheWindingNumberOnlyNearIt() {
        float[][] s = sphere(4000, 1.0);
        // remove the cap z > 0.8 (a hole of radius 0.6)
        int n = 0;
        for (int i = 0; i < 4000; i++) {
            if (s[0][3 * i + 2] <= 0.8f) {
                n++;
            }
        }
        float[] p = new float[3 * n];
        float[] nrm = new float[3 * n];
        float[] area = new float[n];
        int k = 0;
        for (int i = 0; i < 4000; i++) {
            if (s[0][3 * i + 2] <= 0.8f) {
                System.arraycopy(s[0], 3 * i, p, 3 * k, 3);
                System.arraycopy(s[1], 3 * i, nrm, 3 * k, 3);
                area[k++] = s[2][i];
            }
        }
        PointWindingNumber w = new PointWindingNumber(p, nrm, area);
        assertThat(w.at(0, 0, -0.5)).isGreaterThan(0.9);
        assertThat(w.at(0, 0, 0)).isGreaterThan(0.8);
        assertThat(w.at(0, 0, 1.5)).isLessThan(0.2);
    }

    @Test
    void isFiniteAtTheCloudsOwnPoints() {
        float[][] s = sphere(2000, 1.0);
        PointWindingNumber w = new PointWindingNumber(s[0], s[1], s[2]);
        for (int i = 0; i < 2000; i += 97) {
            double v = w.at(s[0][3 * i], s[0][3 * i + 1], s[0][3 * i + 2]);
            // on the surface: about a half (the principal value)
            assertThat(v).as("point %d", i).isBetween(0.4, 0.6);
        }
    }

    @Test
    void refusesMismatchedArrays() {
        assertThatThrownBy(() -> new PointWindingNumber(new float[6], new float[3], new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normals");
        assertThatThrownBy(() -> new PointWindingNumber(new float[0], new float[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
