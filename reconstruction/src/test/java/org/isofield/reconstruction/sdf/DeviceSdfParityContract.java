package org.isofield.reconstruction.sdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DeviceSdfSampler} against {@link SdfDraws}, its CPU twin, on analytic meshes: surface and uniform positions
 * bitwise, jittered positions within 1e-6 (the device's log may round differently), surface targets exactly 0, and
 * signed distances within 2e-6 of the double-precision CPU figure (float closest-point arithmetic on unit-cube
 * coordinates), with the same sign wherever the CPU distance is above 1e-4 (nearer, the winding number in float may
 * fall on the other side of 1/2 for a point on the surface). Batches at a late step too, and after skipTo.
 */
abstract class DeviceSdfParityContract {
    abstract ComputeDevice device();

    @ParameterizedTest
    @ValueSource(strings = {"torus", "capsule"})
    void batchesMatchTheCpuTwin(String shape) {
        TriangleMesh mesh = Shapes.byName(shape).toMesh(48);
        SdfSamplingConfig config = Configs.with(SdfSamplingConfig.DEFAULT, "batch_size", 4096, "seed", 7);
        SdfSampler host = new SdfSampler(mesh, Configs.with(config, "pool_batches", 0, "refresh_steps", 1));
        SdfDraws cpu = new SdfDraws(host.bvh(), config);
        int n = config.batchSize();
        float[] pc = new float[3 * n];
        float[] tc = new float[n];
        float[] pg = new float[3 * n];
        float[] tg = new float[n];
        try (DeviceSdfSampler gpu = new DeviceSdfSampler(device(), host.bvh(), config);
             DeviceArray p = device().allocateFloats(3L * n, "p"); DeviceArray t = device().allocateFloats(n, "t")) {
            for (long s : new long[] {0, 1, 123_456}) {
                cpu.skipTo(s);
                gpu.skipTo(s);
                cpu.next(pc, tc);
                gpu.next(p, t);
                p.download(0, pg, 0, pg.length);
                t.download(0, tg, 0, tg.length);
                String at = shape + " step " + s;
                int ns = config.surfaceCount();
                int nj = config.jitterCount();
                int badSign = 0;
                int nearFlips = 0;
                double worstD = 0;
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < 3; a++) {
                        if (i >= ns && i < ns + nj) {
                            assertThat(Math.abs(pg[3 * i + a] - pc[3 * i + a])).as(at + " jittered " + i)
                                    .isLessThanOrEqualTo(1e-6f);
                        } else {
                            assertThat(pg[3 * i + a]).as(at + " position " + i).isEqualTo(pc[3 * i + a]);
                        }
                    }
                    if (i < ns) {
                        assertThat(tg[i]).isZero();
                        continue;
                    }
                    worstD = Math.max(worstD, Math.abs(Math.abs(tg[i]) - Math.abs(tc[i])));
                    if (Math.signum(tg[i]) != Math.signum(tc[i])) {
                        if (Math.abs(tc[i]) > 1e-4) {
                            badSign++;
                        } else {
                            nearFlips++;
                        }
                    }
                }
                assertThat(worstD).as(at + ": largest |distance| difference").isLessThanOrEqualTo(2e-6);
                assertThat(badSign).as(at + ": sign differences away from the surface").isZero();
                assertThat(nearFlips).as(at + ": sign differences within 1e-4 of the surface").isLessThan(n / 100);
                assertThat(gpu.step()).isEqualTo(s + 1);
            }
        }
    }
}
