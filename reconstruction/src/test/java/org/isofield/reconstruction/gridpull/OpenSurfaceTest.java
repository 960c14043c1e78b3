package org.isofield.reconstruction.gridpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.isofield.core.ConfigException;
import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.metrics.EvalConfig;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.PointCoverage;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.RoundedBox;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructors;
import org.isofield.reconstruction.mc.Trim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-surface mode of GridPull: auto choice, open sheets, trimming, config keys. */
class OpenSurfaceTest {
    static final EvalConfig EVAL = new EvalConfig(20_000, 0L, List.of(0.01));

    /** The height of the wavy sheet over {@code [-0.5, 0.5]^2}. */
    static double height(double x, double y) {
        return 0.1 * Math.sin(3 * x) * Math.cos(2 * y);
    }

    /** {@code n} points on the wavy sheet, uniform in x and y, with Gaussian noise in z. */
    static PointCloud sheet(int n, long seed, double noise) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble() - 0.5;
            double y = r.nextDouble() - 0.5;
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            p[3 * i] = (float) x;
            p[3 * i + 1] = (float) y;
            p[3 * i + 2] = (float) (height(x, y) + noise * g);
        }
        return PointCloud.of(p);
    }

    /** The true sheet as a fine triangle grid. */
    static TriangleMesh sheetMesh(int cells) {
        float[] v = new float[3 * (cells + 1) * (cells + 1)];
        for (int j = 0; j <= cells; j++) {
            for (int i = 0; i <= cells; i++) {
                double x = -0.5 + (double) i / cells;
                double y = -0.5 + (double) j / cells;
                int a = 3 * (i + (cells + 1) * j);
                v[a] = (float) x;
                v[a + 1] = (float) y;
                v[a + 2] = (float) height(x, y);
            }
        }
        int[] f = new int[6 * cells * cells];
        int t = 0;
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                int a = i + (cells + 1) * j;
                int b = a + 1;
                int c = a + cells + 1;
                int d = c + 1;
                f[t++] = a;
                f[t++] = b;
                f[t++] = d;
                f[t++] = a;
                f[t++] = d;
                f[t++] = c;
            }
        }
        return TriangleMesh.of(v, f);
    }

    /** The upper half (z > 0) of a unit-diameter sphere's sample. */
    static PointCloud hemisphere(int n, long seed) {
        PointCloud c = SurfaceSampler.sample(Shapes.byName("sphere").toMesh(96), 2 * n, seed);
        float[] p = c.positions();
        float[] out = new float[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i += 3) {
            if (c.origin().z() + p[i + 2] > 0) {
                System.arraycopy(p, i, out, m, 3);
                m += 3;
            }
        }
        return PointCloud.of(Arrays.copyOf(out, m), c.origin());
    }

    /** The largest distance from a point of {@code cloud} to its nearest other point. */
    static double largestSpacing(PointCloud cloud) {
        KdTree tree = KdTree.build(cloud.positions());
        float[] d2 = new float[2 * cloud.size()];
        tree.knn(cloud.positions(), 2, null, d2);
        double max = 0;
        for (int i = 0; i < cloud.size(); i++) {
            max = Math.max(max, Math.sqrt(d2[2 * i + 1]));
        }
        return max;
    }

    @Test
    void wavySheetBecomesAnOpenMeshWithinTheTrimDistance() {
        PointCloud cloud = sheet(3000, 4L, 0.002);
        Reconstruction r = new GridPull(GridPullConfig.DEFAULT).run(cloud, Progress.NONE);
        TriangleMesh mesh = r.mesh();
        MeshReport m = MeshChecks.check(mesh);
        SurfaceReport s = SurfaceMetrics.evaluate(mesh, sheetMesh(200), EVAL);
        assertThat(r.details()).containsEntry("surface", "open").containsEntry("watertight", false);
        assertThat(m.watertight()).isFalse();
        assertThat(m.boundaryEdges()).isPositive().isEqualTo(r.details().get("boundary_edges"));
        assertThat(m.components()).isEqualTo(1);
        assertThat(m.orientationConsistent()).isTrue();
        double trim = (double) r.details().get("trim_distance_world");
        assertThat(trim).isCloseTo(3 * (double) r.details().get("mean_spacing"), Offset.offset(1e-12));
        assertThat(Arrays.stream(Trim.distances(mesh, cloud)).max().orElseThrow())
                .as("within the trim or 3 of the nearest point's own spacings")
                .isLessThanOrEqualTo(Math.max(trim, 3 * largestSpacing(cloud)));
        assertThat(Arrays.stream(Trim.distances(mesh, cloud)).filter(d -> d > trim).count())
                .as("a few vertices at the rim, whose points have neighbours on one side only")
                .isLessThan(mesh.vertexCount() / 33);
        assertThat(s.chamferL1()).as(s.toString()).isLessThan(0.006);
        assertThat(s.normalConsistency()).as(s.toString()).isGreaterThan(0.98);
    }

    /**
     * A sheet sampled as a range scan's far end is: {@code n} candidates on the wavy sheet, each kept with
     * probability {@code 10^-(x + 0.5)}, so the density falls tenfold from x = -0.5 to x = 0.5.
     */
    static PointCloud fallingSheet(int n, long seed) {
        PointCloud all = sheet(n, seed, 0.0);
        SplittableRandom r = new SplittableRandom(seed + 1);
        float[] p = all.positions();
        float[] out = new float[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i += 3) {
            if (r.nextDouble() < Math.pow(10, -(p[i] + 0.5))) {
                System.arraycopy(p, i, out, m, 3);
                m += 3;
            }
        }
        return PointCloud.of(Arrays.copyOf(out, m));
    }

    @Test
    void aSheetWhoseDensityFallsTenfoldStaysOnePieceAndCoversItsSparseEnd() {
        PointCloud cloud = fallingSheet(12_000, 6L);
        Reconstruction r = new GridPull(GridPullConfig.DEFAULT).run(cloud, Progress.NONE);
        assertThat(r.details()).containsEntry("surface", "open");
        PointCoverage.Result c = PointCoverage.of(r.mesh(), cloud, 3.0, null);
        for (double q : c.quartileShares()) {
            assertThat(q).as(c.toString()).isGreaterThanOrEqualTo(0.99);
        }
        assertThat(MeshChecks.check(r.mesh()).components()).isEqualTo(1);
        SurfaceReport s = SurfaceMetrics.evaluate(r.mesh(), sheetMesh(200), EVAL);
        assertThat(s.accuracy()).as(s.toString()).isLessThan(0.005);
    }

    @Test
    void autoPicksOpenForAHemisphere() {
        Reconstruction r = new GridPull(Configs.with(GridPullConfig.DEFAULT, "steps", 0)).run(hemisphere(3000, 3L),
                Progress.NONE);
        assertThat(r.details()).containsEntry("surface", "open");
        assertThat(MeshChecks.check(r.mesh()).watertight()).isFalse();
        assertThat(outwardShare(r.mesh(), 0, 0, 0)).as("no viewpoint: away from the centroid").isGreaterThan(0.99);
    }

    @Test
    void aViewpointTurnsTheNormalsToFaceIt() {
        GridPullConfig below = Configs.with(GridPullConfig.DEFAULT, "steps", 0, "surface", Surface.OPEN, "viewpoint",
                List.of(0.0, 0.0, -0.1));
        TriangleMesh mesh = new GridPull(below).reconstruct(hemisphere(3000, 3L), Progress.NONE);
        assertThat(outwardShare(mesh, 0, 0, -0.1)).as("normals toward the point below, inward").isLessThan(0.01);
    }

    /** Share of vertices whose normal points away from {@code (x, y, z)}. */
    static double outwardShare(TriangleMesh mesh, double x, double y, double z) {
        float[] v = mesh.vertices();
        float[] n = mesh.normals();
        int out = 0;
        for (int i = 0; i < mesh.vertexCount(); i++) {
            double dx = mesh.origin().x() + v[3 * i] - x;
            double dy = mesh.origin().y() + v[3 * i + 1] - y;
            double dz = mesh.origin().z() + v[3 * i + 2] - z;
            out += dx * n[3 * i] + dy * n[3 * i + 1] + dz * n[3 * i + 2] > 0 ? 1 : 0;
        }
        return (double) out / mesh.vertexCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sphere", "torus"})
    void autoPicksClosedForClosedShapes(String shape) {
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName(shape).toMesh(96), 3000, 1L);
        Reconstruction r = new GridPull(Configs.with(GridPullConfig.DEFAULT, "steps", 0)).run(cloud, Progress.NONE);
        assertThat(r.details()).containsEntry("surface", "closed").doesNotContainKey("boundary_points");
        TriangleMesh closed = new GridPull(Configs.with(GridPullConfig.DEFAULT, "steps", 0, "surface", Surface.CLOSED))
                .reconstruct(cloud, Progress.NONE);
        assertThat(r.mesh().faces()).containsExactly(closed.faces());
        assertThat(r.mesh().vertices()).containsExactly(closed.vertices());
    }

    @Test
    void autoKeepsAPlateThinnerThanTheNearDistanceClosed() {
        PointCloud cloud = SurfaceSampler.sample(new RoundedBox(0.4, 0.4, 0.025, 0.01).toMesh(96), 4000, 8L);
        Reconstruction r = new GridPull(Configs.with(GridPullConfig.DEFAULT, "steps", 0)).run(cloud, Progress.NONE);
        assertThat(r.details()).containsEntry("surface", "closed").containsEntry("flood_fill_inside_samples", 0L);
        assertThat((int) r.details().get("boundary_points")).isLessThan((int) Math.sqrt(Math.PI * 4000));
    }

    @Test
    void configKeysHaveDefaultsAndNameTheirErrors() {
        GridPullConfig c = (GridPullConfig) Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"GridPull\", \"surface\": \"Open\", \"trim_distance\": 2.5, \"viewpoint\": [0, 0, 1]}",
                "test"));
        assertThat(c.surface()).isEqualTo(Surface.OPEN);
        assertThat(c.trimDistance()).isEqualTo(2.5);
        assertThat(c.viewpoint()).containsExactly(0.0, 0.0, 1.0);
        assertThat(Reconstructors.registry().toJson(GridPullConfig.DEFAULT).get("surface").asText()).isEqualTo("auto");
        assertThat(Reconstructors.registry().toJson(GridPullConfig.DEFAULT).get("trim_distance").asDouble())
                .isEqualTo(3.0);
        assertThatThrownBy(() -> Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"GridPull\", \"surface\": \"half\"}", "test")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("surface").hasMessageContaining("open");
        assertThatThrownBy(() -> Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"GridPull\", \"trim_distance\": 0}", "test")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trim_distance");
        assertThatThrownBy(() -> Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"GridPull\", \"viewpoint\": [1, 2]}", "test")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("viewpoint");
    }
}
