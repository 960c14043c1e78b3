package org.isofield.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.isofield.core.Progress;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Contract of every registered method: defaults round-trip through JSON; a small sphere comes out closed. */
class ReconstructorsTest {
    static Iterable<String> names() {
        return Reconstructors.registry().names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void defaultsRoundTripAndReconstructASmallSphereClosed(String otype) {
        ReconstructorConfig defaults = Reconstructors.registry().defaults(otype);
        String text = Json.write(Reconstructors.registry().toJson(defaults));
        assertThat(Reconstructors.registry().parse(Json.parse(text, "defaults"))).isEqualTo(defaults);
        String small = otype.equals("NeuralPull") ? ", \"batch_size\": 1024, \"encoding\": {\"n_levels\": 6,"
                + " \"log2_hashmap_size\": 15, \"per_level_scale\": 1.5}" : "";
        String resolution = otype.equals("VoroMesh") ? "\"voronoi_resolution\": 16, \"field\": {\"steps\": 30}"
                : "\"resolution\": 32";
        ReconstructorConfig quick = Reconstructors.registry().parse(Json.parse(
                "{\"otype\": \"" + otype + "\", \"steps\": 30, " + resolution + small + "}", "quick"));
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName("sphere").toMesh(48), 1200, 9L);
        Reconstruction r = Reconstructors.create(quick).run(cloud, Progress.NONE);
        assertThat(MeshChecks.check(r.mesh()).isClosedManifold()).isTrue();
        assertThat(r.details()).containsKey("input_points");
    }

    @Test
    void autoAndNamesResolveIgnoringCase() {
        assertThat(Reconstructors.resolve("auto")).isEqualTo(Reconstructors.AUTO);
        assertThat(Reconstructors.resolve("GRIDPULL")).isEqualTo("GridPull");
        assertThatThrownBy(() -> Reconstructors.resolve("poisson")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("known: auto, GridPull, NeuralPull, VoroMesh");
    }
}
