package org.isofield.datasets.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.isofield.core.CancelledException;
import org.isofield.core.ConfigException;
import org.isofield.core.Parallel;
import org.isofield.core.config.Configs;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.testing.TestMeshes;
import org.junit.jupiter.api.Test;

class SurfaceSamplerTest {

    @Test
    void samplesLieOnTheCubeWithItsFaceNormals() {
        PointCloud c = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "n_points", 20_000, "seed", 1, "normals",
                true)).sample(TestMeshes.cube());
        assertThat(c.size()).isEqualTo(20_000);
        float[] p = c.positions();
        float[] n = c.normals();
        for (int i = 0; i < c.size(); i++) {
            int onFace = -1;
            for (int a = 0; a < 3; a++) {
                float x = p[3 * i + a];
                assertThat(x).isBetween(0f, 1f);
                if (x == 0f || x == 1f) {
                    onFace = a;
                }
            }
            assertThat(onFace).as("point %d on a face", i).isNotNegative();
            float side = p[3 * i + onFace] == 0f ? -1f : 1f;
            if (Math.abs(n[3 * i + onFace]) == 1f) {
                assertThat(n[3 * i + onFace]).isEqualTo(side);
            }
            assertThat(Math.abs(n[3 * i]) + Math.abs(n[3 * i + 1]) + Math.abs(n[3 * i + 2])).isEqualTo(1f);
        }
    }

    @Test
    void facesArePickedByAreaAndPointsAreUniformInside() {
        // Triangle A of area 0.5 at z = 0, triangle B of area 1.5 at z = 1.
        float[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 3, 0, 1, 0, 1, 1};
        TriangleMesh m = TriangleMesh.of(v, new int[] {0, 1, 2, 3, 4, 5});
        PointCloud c = SurfaceSampler.sample(m, 200_000, 7);
        int onA = 0;
        double sx = 0, sy = 0;
        int cornerA = 0;
        for (int i = 0; i < c.size(); i++) {
            float[] p = c.positions();
            if (p[3 * i + 2] == 0f) {
                onA++;
                sx += p[3 * i];
                sy += p[3 * i + 1];
                if (p[3 * i] + p[3 * i + 1] < 0.5f) {
                    cornerA++;
                }
            }
        }
        assertThat(onA / 200_000.0).isCloseTo(0.25, within(0.005));
        assertThat(sx / onA).isCloseTo(1 / 3.0, within(0.005));
        assertThat(sy / onA).isCloseTo(1 / 3.0, within(0.005));
        assertThat((double) cornerA / onA).as("area fraction of the corner triangle").isCloseTo(0.25, within(0.01));
    }

    @Test
    void degenerateFacesAreNeverChosen() {
        float[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 5, 5, 10, 10, 10, 20, 20, 20};
        TriangleMesh m = TriangleMesh.of(v, new int[] {3, 4, 5, 0, 1, 2, 3, 3, 4, 5, 4, 3});
        PointCloud c = SurfaceSampler.sample(m, 50_000, 3);
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.positions()[3 * i + 2]).isZero();
        }
    }

    @Test
    void meshesWithoutAreaAreErrors() {
        assertThatThrownBy(() -> SurfaceSampler.sample(TriangleMesh.of(new float[3], new int[0]), 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no faces");
        TriangleMesh flat = TriangleMesh.of(new float[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 1, 2});
        assertThatThrownBy(() -> SurfaceSampler.sample(flat, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total area is 0.0");
    }

    @Test
    void sameSeedGivesTheSameSamplesForAnyThreadCount() {
        TriangleMesh sphere = TestMeshes.icosphere(3, 1);
        SurfaceSampler sampler = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "n_points", 70_000, "noise",
                0.01, "seed", 5));
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            PointCloud one = sampler.sample(sphere);
            Parallel.setThreads(2);
            PointCloud two = sampler.sample(sphere);
            assertThat(two.positions()).isEqualTo(one.positions());
            assertThat(two.normals()).isEqualTo(one.normals());
        } finally {
            Parallel.setThreads(before);
        }
        PointCloud other = new SurfaceSampler(Configs.with(sampler.config(), "seed", 6)).sample(sphere);
        assertThat(other.positions()).isNotEqualTo(sampler.sample(sphere).positions());
    }

    @Test
    void splitStreamsGiveIndependentSamplings() {
        TriangleMesh cube = TestMeshes.cube();
        SurfaceSampler sampler = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "n_points", 1000));
        SplittableRandom root = new SplittableRandom(0);
        PointCloud a = sampler.sample(cube, root.split(), null);
        PointCloud b = sampler.sample(cube, root.split(), null);
        assertThat(a.positions()).isNotEqualTo(b.positions());
    }

    @Test
    void noiseHasTheConfiguredStandardDeviation() {
        TriangleMesh tri = TriangleMesh.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        PointCloud c = new SurfaceSampler(new SamplerConfig(100_000, 0.01, false, 2)).sample(tri);
        assertThat(c.hasNormals()).isFalse();
        double s2 = 0;
        for (int i = 0; i < c.size(); i++) {
            s2 += c.positions()[3 * i + 2] * (double) c.positions()[3 * i + 2];
        }
        assertThat(Math.sqrt(s2 / c.size())).isCloseTo(0.01 * Math.sqrt(2), within(0.0004));
    }

    @Test
    void keepsTheMeshOrigin() {
        TriangleMesh cube = TestMeshes.cube();
        Vec3d origin = new Vec3d(1e6, -2e6, 3);
        PointCloud c = SurfaceSampler.sample(TriangleMesh.of(cube.vertices(), cube.faces(), null, origin), 100, 0);
        assertThat(c.origin()).isEqualTo(origin);
        assertThat(c.bounds().minX()).isGreaterThanOrEqualTo(1e6);
    }

    @Test
    void cancelsWhenProgressSaysStop() {
        SurfaceSampler sampler = new SurfaceSampler(Configs.with(SamplerConfig.DEFAULT, "normals", true));
        assertThatThrownBy(() -> sampler.sample(TestMeshes.cube(), (phase, f) -> false))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void configRejectsBadValuesNamingTheKey() {
        assertThatThrownBy(() -> new SamplerConfig(0, 0, true, 0))
                .isInstanceOf(ConfigException.class).extracting(e
                -> ((ConfigException) e).jsonPath()).isEqualTo("n_points");
        assertThatThrownBy(() -> new SamplerConfig(10, -0.1, true, 0))
                .isInstanceOf(ConfigException.class).extracting(e
                -> ((ConfigException) e).jsonPath()).isEqualTo("noise");
    }

    @Test
    void configRoundTripsThroughJson() throws Exception {
        JsonNode json = Json.mapper().valueToTree(SamplerConfig.DEFAULT);
        assertThat(json.toString()).isEqualTo("{\"n_points\":100000,\"noise\":0.0,\"normals\":false,\"seed\":0}");
        assertThat(Json.mapper().treeToValue(json, SamplerConfig.class)).isEqualTo(SamplerConfig.DEFAULT);
        JsonNode bad = Json.parse("{\"n_points\": -5, \"noise\": 0, \"normals\": true, \"seed\": 0}", "test");
        assertThatThrownBy(() -> Json.mapper().treeToValue(bad, SamplerConfig.class))
                .hasRootCauseInstanceOf(ConfigException.class).rootCause().hasMessageContaining("n_points");
    }
}
