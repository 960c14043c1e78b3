package org.isofield.reconstruction.sdf;

import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cost of a 2^16 batch, pooled (default) against fresh signed samples, on a torus mesh of about 66k faces. */
@Tag("slow")
class SdfSamplerSlowTest {
    @Test
    void reportsBatchCost() {
        TriangleMesh mesh = Shapes.byName("torus").toMesh(128);
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            SdfSampler pooled = new SdfSampler(mesh, SdfSamplingConfig.DEFAULT);
            long t1 = System.nanoTime();
            int steps = 64;
            for (int s = 0; s < steps; s++) {
                pooled.next();
            }
            long t2 = System.nanoTime();
            SdfSampler fresh = new SdfSampler(mesh, Configs.with(SdfSamplingConfig.DEFAULT, "pool_batches", 0,
                    "refresh_steps", 1));
            long t3 = System.nanoTime();
            int freshSteps = 8;
            for (int s = 0; s < freshSteps; s++) {
                fresh.next();
            }
            long t4 = System.nanoTime();
            double freshMs = (t4 - t3) / 1e6 / freshSteps;
            System.out.printf("sdf sampling, %d faces, batch 2^16: start-up %.2f s (BVH + %d signed queries, %.0f "
                    + "k/s); "
                    + "pooled %.2f ms/batch; fresh %.2f ms/batch (%.0f k signed queries/s)%n", mesh.faceCount(),
                    (t1 - t0) / 1e9, 1 << 15, (1 << 15) / ((t1 - t0) / 1e9) / 1e3,
                    (t2 - t1) / 1e6 / steps, freshMs, (1 << 15) / freshMs);
        }
    }
}
