package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isofield.core.CancelledException;
import org.isofield.core.ConfigException;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeometryIOTest {
    private static final String TRIANGLE_OBJ = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void choosesTheFormatByExtensionIgnoringCase() throws IOException {
        GeometryData data = GeometryIO.read(write("tri.OBJ", TRIANGLE_OBJ));

        assertThat(data.format()).isEqualTo(GeometryFormat.OBJ);
        assertThat(data.faceCount()).isOne();
    }

    @Test
    void unknownExtensionListsTheKnownOnes() throws IOException {
        Path file = write("tri.dat", TRIANGLE_OBJ);

        assertThatThrownBy(() -> GeometryIO.read(file)).isInstanceOf(FormatException.class)
                .hasMessageContaining("tri.dat: unknown geometry file type (extension \".dat\")")
                .hasMessageContaining(".ply, .obj, .off, .xyz, .xyzn, .txt, .stl");
    }

    @Test
    void namedFormatOverridesTheExtension() throws IOException {
        GeometryData data = GeometryIO.read(write("tri.dat", TRIANGLE_OBJ), ReadOptions.DEFAULT.withFormat("OBJ"));

        assertThat(data.format()).isEqualTo(GeometryFormat.OBJ);
    }

    @Test
    void unknownFormatNameIsAConfigError() {
        assertThatThrownBy(() -> ReadOptions.DEFAULT.withFormat("vrml")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown geometry format \"vrml\"; expected auto, ply, obj, off, xyz, stl, pcd, "
                        + "las");
    }

    @Test
    void missingFileIsAnIoError() {
        Path file = dir.resolve("missing.ply");

        assertThatThrownBy(() -> GeometryIO.read(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.ply: cannot read");
    }

    @Test
    void pointCloudOfAMeshFileIsItsVertices() throws IOException {
        PointCloud cloud = PointClouds.read(write("tri.obj", TRIANGLE_OBJ + "v 5 5 5\n"));

        assertThat(cloud.size()).isEqualTo(4);
    }

    @Test
    void meshOfAFileWithoutFacesIsAFormatError() throws IOException {
        Path file = write("pts.xyz", "0 0 0\n1 1 1\n");

        assertThatThrownBy(() -> Meshes.read(file)).isInstanceOf(FormatException.class)
                .hasMessageContaining("pts.xyz: has no faces; expected a mesh (2 vertices and no triangles found); "
                        + "read it as a point cloud");
    }

    @Test
    void stlRefusesPointCloudsBeforeWriting() {
        Path target = dir.resolve("pts.stl");

        assertThatThrownBy(() -> PointClouds.write(PointCloud.of(new float[] {1, 2, 3}), target))
                .isInstanceOf(FormatException.class).hasMessageContaining("STL holds only triangles");
        assertThat(target).doesNotExist();
    }

    @Test
    void meshWrittenAndReadKeepsItsFacesAndNormals() {
        TriangleMesh mesh = TriangleMesh.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2},
                new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1}, Vec3d.ZERO);
        Path target = dir.resolve("m.ply");

        Meshes.write(mesh, target);
        TriangleMesh back = Meshes.read(target);

        assertThat(back.faces()).containsExactly(0, 1, 2);
        assertThat(back.normals()).containsExactly(mesh.normals());
    }

    @Test
    void readReportsProgressUpToOne() throws IOException {
        Path file = write("tri.obj", TRIANGLE_OBJ);
        List<Double> fractions = new ArrayList<>();

        GeometryIO.read(file, ReadOptions.DEFAULT.withProgress((phase, f) -> fractions.add(f)));

        assertThat(fractions).startsWith(0.0).endsWith(1.0);
    }

    @Test
    void readStopsWhenProgressAsksToCancel() throws IOException {
        Path file = write("tri.obj", TRIANGLE_OBJ);

        assertThatThrownBy(() -> GeometryIO.read(file, ReadOptions.DEFAULT.withProgress((phase, f) -> false)))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void everyFormatHasAReaderAndAWriter() {
        FormatHandlers handlers = GeometryIO.defaults();

        for (GeometryFormat f : GeometryFormat.values()) {
            assertThat(handlers.reader(f)).as("reader of %s", f).isNotNull();
            assertThat(handlers.writer(f)).as("writer of %s", f).isNotNull();
        }
    }
}
