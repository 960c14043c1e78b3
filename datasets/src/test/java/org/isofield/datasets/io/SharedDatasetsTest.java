package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the shared data set reads with the counts its README gives. */
class SharedDatasetsTest {
    static Stream<Arguments> meshes() {
        return Stream.of(
                Arguments.of("bunny-closed.obj", 3301, 6598),
                Arguments.of("stanford-bunny-zipper.obj", 35947, 69451),
                Arguments.of("fandisk.obj", 6475, 12946),
                Arguments.of("wingnut.obj", 3047, 6090),
                Arguments.of("boot.obj", 19931, 39906),
                Arguments.of("scorpion-lowres.obj", 6315, 12626),
                Arguments.of("sword.obj", 22293, 44582),
                Arguments.of("spot-lowres.obj", 829, 1654),
                Arguments.of("blub.obj", 10786, 21568),
                Arguments.of("nefertiti-lowres.obj", 35002, 70000),
                Arguments.of("thingi10k-71987-bumper-bot.obj", 64, 120));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("meshes")
    void meshReadsWithReadmeCounts(String name, int vertices, int faces) {
        TriangleMesh mesh = Meshes.read(SharedData.mesh(name));

        assertThat(mesh.vertexCount()).isEqualTo(vertices);
        assertThat(mesh.faceCount()).isEqualTo(faces);
    }

    @Test
    void rangeScanReadsAllPointsAndSkipsRangeGrid() {
        GeometryData data = GeometryIO.read(SharedData.file("datasets/scans/stanford-bunny-range/bun000.ply"));

        assertThat(data.vertexCount()).isEqualTo(40_256);
        assertThat(data.faces()).isNull();
        assertThat(data.bounds().minX()).isCloseTo(-0.09475, Offset.offset(1e-5));
    }

    @Test
    void secondRangeScanReadsAllPoints() {
        PointCloud cloud = PointClouds.read(SharedData.file("datasets/scans/stanford-bunny-range/bun045.ply"));

        assertThat(cloud.size()).isEqualTo(40_097);
    }

    @Test
    void rangeScanIsNotAMesh() {
        Path file = SharedData.file("datasets/scans/stanford-bunny-range/bun000.ply");

        assertThatThrownBy(() -> Meshes.read(file)).isInstanceOf(FormatException.class)
                .hasMessageContaining("has no faces; expected a mesh").hasMessageContaining("read it as a point cloud");
    }

    @Test
    void pclSceneReadsWithColors() {
        PointCloud cloud = PointClouds.read(SharedData.file("datasets/scans/pcl-table-scene-mug-stereo.ply"));

        assertThat(cloud.size()).isEqualTo(209_280);
        assertThat(cloud.hasColors()).isTrue();
        float[] c = cloud.colors();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : c) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isGreaterThanOrEqualTo(0f);
        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faceNormalMeshes")
    void objWithOneNormalPerFaceKeepsSharedVerticesAndGetsUnitNormals(String name, int vertices) {
        TriangleMesh mesh = Meshes.read(SharedData.mesh(name));

        assertThat(mesh.vertexCount()).isEqualTo(vertices);
        assertThat(mesh.hasNormals()).isTrue();
        float[] n = mesh.normals();
        for (int i = 0; i < n.length; i += 3) {
            double len = Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]);
            assertThat(len).as("normal %d", i / 3).isCloseTo(1.0, Offset.offset(1e-5));
        }
    }

    static Stream<Arguments> faceNormalMeshes() {
        return Stream.of(Arguments.of("bunny-closed.obj", 3301), Arguments.of("spot-lowres.obj", 829));
    }

    @Test
    void zipperBunnyKeepsItsUnreferencedVertices() {
        PointCloud cloud = PointClouds.read(SharedData.mesh("stanford-bunny-zipper.obj"));

        assertThat(cloud.size()).isEqualTo(35_947);
        assertThat(cloud.bounds().maxY()).isCloseTo(0.1873, Offset.offset(1e-4));
    }
}
