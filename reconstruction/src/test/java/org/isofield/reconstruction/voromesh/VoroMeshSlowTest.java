package org.isofield.reconstruction.voromesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.testing.SharedData;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.FieldKinds;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructors;
import org.isofield.reconstruction.SignedField;
import org.isofield.reconstruction.gridpull.GridPullConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table: every mesh of the shared set, 100k sampled points, clean and noisy (0.005 of the diagonal),
 * GridPull's field, VoroMesh at 64 and 128. Every output is watertight, consistently oriented and free of
 * self-intersecting pairs. On clean input at 128 the targets hold against the same field's marching cubes at 256:
 * Chamfer-L1 at most 1.1x, the shape's components, at most half the triangles (of marching cubes at 512 where 256
 * lost a part: {@link #FINER_PEER}; the sword's blade is thinner than a cell at 256, and half a cell at 128, where
 * the thin-feature generators keep it). Prints one table row per run.
 */
@Tag("slow")
class VoroMeshSlowTest {
    /**
     * Below this fraction of the Chamfer distance of marching cubes at 256, VoroMesh's triangles are compared with
     * marching cubes at 512 instead: the coarser grid has lost a part, and fewer triangles there mean less shape,
     * not a leaner mesh.
     */
    static final double FINER_PEER = 0.7;

    /** The shared meshes, or those named in {@code -Dvoromesh.meshes=a.obj,b.obj} (to rerun a few rows). */
    static Stream<Arguments> meshes() {
        String only = System.getProperty("voromesh.meshes", "");
        return Stream.of("blub.obj", "boot.obj", "bunny-closed.obj", "fandisk.obj", "nefertiti-lowres.obj",
                "scorpion-lowres.obj", "spot-lowres.obj", "stanford-bunny-zipper.obj", "sword.obj",
                "thingi10k-71987-bumper-bot.obj", "wingnut.obj")
                .filter(m -> only.isBlank() || Arrays.asList(only.split(",")).contains(m))
                .flatMap(m -> Stream.of(Arguments.of(m, 0.0), Arguments.of(m, 0.005)));
    }

    @ParameterizedTest(name = "{0} noise {1}")
    @MethodSource("meshes")
    void guaranteesOnEveryMeshAndTargetsOnCleanInput(String name, double noise) {
        TriangleMesh truth = Meshes.read(SharedData.mesh(name));
        PointCloud cloud = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "noise", noise)).sample(truth);
        Reconstruction fitted = Reconstructors.create(GridPullConfig.DEFAULT).run(cloud, Progress.NONE);
        FieldFile field = fitted.savedField().orElseThrow();
        FieldKind kind = FieldKinds.of(field, null);
        SignedField sign = kind.signedField(field, null);
        TriangleMesh mc = marchingCubes(kind, field, 256);
        double mcChamfer = SurfaceMetrics.evaluate(mc, truth).chamferL1();
        int truthComponents = MeshChecks.check(truth).components();
        for (int resolution : new int[] {64, 128}) {
            long t0 = System.nanoTime();
            VoronoiStage.Result r = VoronoiStage.run(cloud, sign,
                    Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", resolution), Progress.NONE);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            MeshReport checks = r.checks();
            TriangleMesh mesh = r.mesh().toTriangleMesh();
            double chamfer = SurfaceMetrics.evaluate(mesh, truth).chamferL1();
            double faces = (double) mesh.faceCount() / mc.faceCount();
            System.out.printf("| %s | %s | %d | %.6f | %.6f | %.3f | %d | %.3f | %s | %d/%d | %s | %d | %.1f |%n",
                    name, noise, resolution, chamfer, mcChamfer, chamfer / mcChamfer, mesh.faceCount(), faces,
                    r.details().get("thin_feature_generators"),
                    checks.components(), truthComponents, checks.watertight() && checks.orientationConsistent(),
                    checks.selfIntersections(), seconds);
            assertThat(checks.watertight()).as("%s at %d watertight: %s", name, resolution, checks).isTrue();
            assertThat(checks.orientationConsistent()).isTrue();
            assertThat(checks.selfIntersections()).isZero();
            if (noise == 0 && resolution == 128) {
                assertThat(chamfer).isLessThanOrEqualTo(1.1 * mcChamfer);
                assertThat(checks.components()).isEqualTo(truthComponents);
                TriangleMesh peer = mc;
                if (chamfer < FINER_PEER * mcChamfer) {
                    // marching cubes at 256 lost detail VoroMesh kept (the sword's blade is thinner than its cell):
                    // the triangle count is compared at an accuracy closer to VoroMesh's
                    peer = marchingCubes(kind, field, 512);
                    System.out.printf("%s: marching cubes at 512: Chamfer %.6f, %d triangles%n", name,
                            SurfaceMetrics.evaluate(peer, truth).chamferL1(), peer.faceCount());
                }
                assertThat((double) mesh.faceCount() / peer.faceCount()).isLessThanOrEqualTo(0.5);
            }
        }
    }

    private static TriangleMesh marchingCubes(FieldKind kind, FieldFile field, int resolution) {
        return kind.extract(field, null, new FieldKind.Extraction(resolution, null,
                FieldKind.Extraction.defaults().backend(), FieldKind.Extraction.defaults().precision()),
                Progress.NONE).mesh();
    }
}
