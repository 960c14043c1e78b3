package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield coverage}: a mesh against the cloud sampled from it covers every point. */
class CliCoverageTest {
    @TempDir
    Path dir;

    @Test
    void aMeshCoversItsOwnSamplesInEveryQuartile() {
        Path mesh = dir.resolve("sphere.ply");
        Path cloud = dir.resolve("points.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(48), mesh);
        PointClouds.write(SurfaceSampler.sample(Shapes.byName("sphere").toMesh(48), 5000, 2), cloud);
        CliTest.Result r = CliTest.run("coverage", mesh.toString(), cloud.toString(), "--viewpoint", "0,0,3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("covered within 3.0 spacings: 1.0000 of 5000 points")
                .contains("depth quartile 4");
        CliTest.Result bad = CliTest.run("coverage", mesh.toString(), cloud.toString(), "--viewpoint", "0,0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--viewpoint").contains("X,Y,Z");
    }
}
