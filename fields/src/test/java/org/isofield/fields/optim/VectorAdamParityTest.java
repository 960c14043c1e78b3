package org.isofield.fields.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorAdamParityTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void vectorUpdateEqualsTheScalarTwinBitwise(boolean grid) {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "jdk.incubator.vector is not loaded in this JVM");
        int n = 2 * 1024 + 517; // more than one block, and a tail that is not a whole vector
        int from = 3;
        SplittableRandom r = new SplittableRandom(21);
        float[][] a = {new float[n], new float[n], new float[n]};
        float[][] b = {new float[n], new float[n], new float[n]};
        int[] sa = new int[n];
        int[] sb = new int[n];
        for (int i = 0; i < n; i++) {
            a[0][i] = b[0][i] = (float) r.nextGaussian();
            a[1][i] = b[1][i] = (float) (0.01 * r.nextGaussian());
            a[2][i] = b[2][i] = (float) (1e-4 * r.nextDouble());
            sa[i] = sb[i] = r.nextInt(40);
        }
        float[] corr = new float[64];
        for (int k = 1; k < corr.length; k++) {
            corr[k] = (float) AdamOptimizer.biasCorrection(0.9, 0.99, k);
        }
        float[] grads = new float[n];
        int live = 0;
        for (int step = 0; step < 6; step++) {
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                grads[i] = u < 0.3 ? 0f : u < 0.35 ? -0f : (float) (r.nextGaussian() * Math.pow(10, -r.nextInt(6)));
                live += grads[i] != 0f ? 1 : 0;
            }
            VectorAdamKernel.update(a[0], grads, a[1], a[2], sa, from, n, grid, 1e-2f, 0.9f, 0.99f, 1e-15f, 1e-3f,
                    corr);
            AdamOptimizer.scalarUpdate(b[0], grads, b[1], b[2], sb, from, n, grid, 1e-2f, 0.9f, 0.99f, 1e-15f, 1e-3f,
                    corr);
            for (int q = 0; q < 3; q++) {
                assertThat(a[q]).as("array %d after step %d", q, step).isEqualTo(b[q]);
            }
            assertThat(sa).as("step counters after step %d", step).isEqualTo(sb);
        }
        assertThat(live).as("some entries were updated").isGreaterThan(n);
        assertThat(sa[0]).as("entries before 'from' are untouched").isEqualTo(sb[0]);
    }
}
