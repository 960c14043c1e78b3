package org.isofield.reconstruction.neuralpull;

import static org.assertj.core.api.Assertions.assertThat;

import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 100,000-point setting for NeuralPull: points sampled from a benchmark mesh (seed 0), default config,
 * marching cubes at 256 cells, judged against the mesh; prints Chamfer-L1 and normal consistency next to the bound.
 * The bound is the Open3D Poisson peer's Chamfer-L1 on the same clean cloud (docs/decisions/neuralpull.md, 0.002104)
 * times 1.5: a
 * regression guard for a method that does not reach Poisson yet (see the notes), not the target. Timing is
 * measured with {@code isofield reconstruct --report}, never asserted.
 */
@Tag("slow")
class NeuralPullSlowTest {
    @ParameterizedTest
    @CsvSource({"spot-lowres.obj, 0, 0.002104"})
    void staysWithinAFactorOfThePoissonPeer(String name, double noise, double poissonChamfer) {
        TriangleMesh mesh = Meshes.read(SharedData.mesh(name));
        PointCloud cloud = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "noise", noise)).sample(mesh);
        NeuralPullConfig config = Configs.with(NeuralPullConfig.DEFAULT, "resolution", 256);
        TriangleMesh out = new NeuralPull(config).reconstruct(cloud, Progress.NONE);
        SurfaceReport s = SurfaceMetrics.evaluate(out, mesh);
        System.out.printf("%s noise %s: chamfer-L1 %.6f, normal consistency %.4f%n", name, noise, s.chamferL1(),
                s.normalConsistency());
        assertThat(MeshChecks.check(out).watertight()).isTrue();
        assertThat(s.chamferL1()).isLessThanOrEqualTo(1.5 * poissonChamfer);
    }
}
