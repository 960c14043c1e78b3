package org.isofield.reconstruction.gridpull;

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
 * The quality setting on clean input: 100000 points sampled from a benchmark mesh, default config, marching
 * cubes at 256 cells, judged against the mesh. The bound is 1.05x the Open3D Poisson peer's Chamfer-L1 as measured
 * by scripts/compare_poisson.sh (docs/decisions/gridpull-quality-table.md, 2026-11-28; bunny 0.002432 in the second
 * run); on noisy input
 * (noise 0.005 of the diagonal) the bound is 0.85x Poisson's (spot 0.003441, bunny 0.003742, same script). Timing is
 * measured by the script, never asserted.
 */
@Tag("slow")
class GridPullSlowTest {
    @ParameterizedTest
    @CsvSource({"spot-lowres.obj, 0, 0.002104", "bunny-closed.obj, 0, 0.002437", "spot-lowres.obj, 0.005, 0.003441",
        "bunny-closed.obj, 0.005, 0.003742"})
    void reachesThePoissonPeersChamfer(String name, double noise, double poissonChamfer) {
        TriangleMesh mesh = Meshes.read(SharedData.mesh(name));
        PointCloud cloud = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "noise", noise)).sample(mesh);
        GridPullConfig config = Configs.with(GridPullConfig.DEFAULT, "resolution", 256);
        TriangleMesh out = new GridPull(config).reconstruct(cloud, Progress.NONE);
        SurfaceReport s = SurfaceMetrics.evaluate(out, mesh);
        System.out.printf("%s noise %s: chamfer-L1 %.6f, normal consistency %.4f%n", name, noise, s.chamferL1(),
                s.normalConsistency());
        assertThat(MeshChecks.check(out).watertight()).isTrue();
        assertThat(s.chamferL1()).isLessThanOrEqualTo((noise == 0 ? 1.05 : 0.85) * poissonChamfer);
    }
}
