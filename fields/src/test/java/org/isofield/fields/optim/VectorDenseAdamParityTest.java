package org.isofield.fields.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VectorDenseAdamParityTest {
    @Test
    void vectorUpdateEqualsTheScalarTwinBitwise() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "jdk.incubator.vector is not loaded in this JVM");
        int n = 4099; // a tail that is not a whole vector on any species
        int from = 5;
        SplittableRandom r = new SplittableRandom(8);
        float[][] a = {new float[n], new float[n], new float[n]};
        float[][] b = {new float[n], new float[n], new float[n]};
        for (int i = 0; i < n; i++) {
            a[0][i] = b[0][i] = (float) r.nextGaussian();
            a[1][i] = b[1][i] = (float) (0.01 * r.nextGaussian());
            a[2][i] = b[2][i] = (float) (1e-4 * r.nextDouble());
        }
        float[] grads = new float[n];
        int changed = 0;
        for (int step = 1; step <= 6; step++) {
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                grads[i] = u < 0.1 ? 0f : u < 0.15 ? -0f : (float) (r.nextGaussian() * Math.pow(10, -r.nextInt(8)));
            }
            double c1 = 1 - Math.pow(0.9, step);
            double c2 = 1 - Math.pow(0.999, step);
            float before = a[0][n - 1];
            VectorDenseAdamKernel.update(a[0], grads, a[1], a[2], from, n, 0.05, 0.9, 0.999, 1e-8, c1, c2);
            DenseAdamOptimizer.scalarUpdate(b[0], grads, b[1], b[2], from, n, 0.05, 0.9, 0.999, 1e-8, c1, c2);
            for (int q = 0; q < 3; q++) {
                assertThat(a[q]).as("array %d after step %d", q, step).isEqualTo(b[q]);
            }
            changed += a[0][n - 1] != before ? 1 : 0;
        }
        assertThat(changed).as("the parameters moved").isGreaterThan(0);
        float[] untouched = {a[0][0], a[1][0], a[2][0]};
        assertThat(untouched).as("entries before 'from' are untouched").isEqualTo(new float[] {b[0][0], b[1][0],
            b[2][0]});
    }
}
