package org.isofield.reconstruction.gridpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Offset;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.isofield.core.config.NumberOrAuto;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.reconstruction.Reconstructors;
import org.junit.jupiter.api.Test;

class NoiseEstimateTest {
    private static double thickness(String shape, double noise) {
        TriangleMesh gt = Shapes.byName(shape).toMesh(96);
        PointCloud cloud = new SurfaceSampler(new SamplerConfig(20_000, noise, false, 5L)).sample(gt);
        float[] p = cloud.positions();
        return NoiseEstimate.thickness(p, KdTree.build(p));
    }

    @Test
    void theThicknessRatioTellsCleanFromNoisyClouds() {
        for (String shape : new String[] {"sphere", "torus"}) {
            double clean = thickness(shape, 0);
            double noisy = thickness(shape, 0.005);
            assertThat(clean).as(shape + " clean").isLessThan(NoiseEstimate.CLEAN_BELOW);
            assertThat(noisy).as(shape + " noisy").isGreaterThan(NoiseEstimate.NOISY_ABOVE);
        }
    }

    @Test
    void autoBlendsFromTheCleanToTheNoisyWeight() {
        assertThat(NoiseEstimate.autoSmoothWeight(0.02)).isEqualTo(NoiseEstimate.CLEAN_WEIGHT);
        assertThat(NoiseEstimate.autoSmoothWeight(0.9)).isEqualTo(NoiseEstimate.NOISY_WEIGHT);
        double middle = (NoiseEstimate.CLEAN_BELOW + NoiseEstimate.NOISY_ABOVE) / 2;
        assertThat(NoiseEstimate.autoSmoothWeight(middle)).isCloseTo((NoiseEstimate.CLEAN_WEIGHT
                + NoiseEstimate.NOISY_WEIGHT) / 2,
                Offset.offset(1e-12));
    }

    @Test
    void jsonTakesANumberOrAuto() {
        JsonNode json = Reconstructors.registry().toJson(GridPullConfig.DEFAULT);
        assertThat(json.get("smooth_weight").asText()).isEqualTo("auto");
        GridPullConfig c = (GridPullConfig) Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"GridPull\", \"smooth_weight\": 0.5}", "test"));
        assertThat(c.smoothWeight()).isEqualTo(NumberOrAuto.of(0.5));
        assertThat(Reconstructors.registry().parse(Reconstructors.registry().toJson(c))).isEqualTo(c);
        String[][] bad = {{"\"smooth_weight\": \"strong\"", "$.smooth_weight"},
            {"\"smooth_weight\": -1", "$.smooth_weight"},
            {"\"grid_resolution\": 100.5", "whole number from 8 to 2048"}};
        for (String[] b : bad) {
            String doc = "{\"otype\": \"GridPull\", " + b[0] + "}";
            assertThatThrownBy(() -> Reconstructors.registry().parse(Json.parse(doc, "test"))).as(doc)
                    .isInstanceOf(ConfigException.class).hasMessageContaining(b[1]);
        }
        GridPullConfig explicit = (GridPullConfig) Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"GridPull\", \"grid_resolution\": 128, \"resolution\": \"AUTO\"}", "test"));
        assertThat(explicit.gridResolution().orElse(0)).isEqualTo(128);
        assertThat(explicit.resolution().isAuto()).isTrue();
        assertThat(Reconstructors.registry().toJson(explicit).get("grid_resolution").isIntegralNumber()).isTrue();
    }
}
