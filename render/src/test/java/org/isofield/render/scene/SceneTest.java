package org.isofield.render.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.Sphere;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

/** Views, colours, modes, camera framing, tile layout and vertex normals: plain math, no Vulkan. */
class SceneTest {
    @Test
    void namedViewsAndAnglesParse() {
        assertThat(View.parse("front")).isEqualTo(View.FRONT);
        assertThat(View.parse(" TOP ")).isEqualTo(View.TOP);
        assertThat(View.parse("30,-20")).isEqualTo(new View(30, -20));
        assertThat(View.ISO.direction()[0]).isCloseTo(View.ISO.direction()[2], within(1e-12));
        assertThat(View.ISO.direction()[1]).isCloseTo(View.ISO.direction()[0], within(1e-12));
        assertThat(View.SIDE.direction()[0]).isCloseTo(1, within(1e-12));
        assertThat(View.TOP.up()).containsExactly(-0.0, 0, -1.0);
    }

    @Test
    void badViewsSayWhatIsExpected() {
        assertThatThrownBy(() -> View.parse("diagonal")).hasMessageContaining("iso, front, side, top or AZ,EL");
        assertThatThrownBy(() -> View.parse("10,95")).hasMessageContaining("expected -90 to 90");
    }

    @Test
    void coloursParseHexAndNames() {
        assertThat(Rgb.parse("#ff8000").toRgb24()).isEqualTo(0xff8000);
        assertThat(Rgb.parse("1e1e24").toRgb24()).isEqualTo(0x1e1e24);
        assertThat(Rgb.parse("White")).isEqualTo(Rgb.WHITE);
        assertThatThrownBy(() -> Rgb.parse("#12345")).hasMessageContaining("#rrggbb");
        assertThatThrownBy(() -> RenderMode.parse("solid")).hasMessageContaining("shaded, normals, wireframe, points");
        assertThat(RenderMode.parse("Wireframe")).isEqualTo(RenderMode.WIREFRAME);
    }

    @Test
    void framingKeepsTheBoundsInsideTheImage() {
        Aabb box = new Aabb(1e6, 2, -3, 1e6 + 4, 3, 5);
        for (View v : new View[] {View.ISO, View.FRONT, View.SIDE, View.TOP, new View(200, -60)}) {
            Camera cam = Camera.framing(box, v, 4.0 / 3);
            var mvp = cam.modelViewProjection(new Vec3d(1e6, 0, 0), 4.0 / 3);
            for (int corner = 0; corner < 8; corner++) {
                float x = (corner & 1) == 0 ? 0 : 4;
                float y = (corner & 2) == 0 ? 2 : 3;
                float z = (corner & 4) == 0 ? -3 : 5;
                Vector4f p = mvp.transform(new Vector4f(x, y, z, 1));
                assertThat(Math.abs(p.x / p.w)).as(v + " x").isLessThan(1);
                assertThat(Math.abs(p.y / p.w)).as(v + " y").isLessThan(1);
                assertThat(p.z / p.w).as(v + " depth").isBetween(0f, 1f);
            }
        }
    }

    @Test
    void upInTheWorldIsUpInTheImage() {
        Camera cam = Camera.framing(new Aabb(-1, -1, -1, 1, 1, 1), View.FRONT, 1);
        Vector4f top = cam.modelViewProjection(Vec3d.ZERO, 1).transform(new Vector4f(0, 1, 0, 1));
        assertThat(top.y / top.w).as("Vulkan rows run downwards, so up is negative y").isLessThan(0);
    }

    @Test
    void autoFramingSharesOnlyWhenItemsOverlapInPlaceAndSize() {
        RenderItem big = RenderItem.of("big", new Sphere(1).toMesh(4));
        RenderItem alsoBig = RenderItem.of("same", new Sphere(1.1).toMesh(4));
        RenderItem small = RenderItem.of("small", new Sphere(0.1).toMesh(4));
        assertThat(Framing.AUTO.shared(List.of(big, alsoBig))).isTrue();
        assertThat(Framing.AUTO.shared(List.of(big, small))).isFalse();
        assertThat(Framing.SHARED.shared(List.of(big, small))).isTrue();
        assertThat(Framing.EACH.shared(List.of(big, alsoBig))).isFalse();
        assertThatThrownBy(() -> Framing.parse("joint")).hasMessageContaining("auto, shared or each");
    }

    @Test
    void orbitingKeepsTheTargetAndZoomMovesTheEye() {
        Aabb box = new Aabb(-1, -1, -1, 1, 1, 1);
        OrbitControls c = new OrbitControls(box, View.FRONT);
        Camera start = c.camera(1);
        c.rotate(100, 0, 200);
        Camera turned = c.camera(1);
        assertThat(turned.target()).isEqualTo(start.target());
        assertThat(c.view().azimuthDegrees()).isCloseTo(-90, within(1e-9));
        c.zoom(1);
        assertThat(c.camera(1).eye().minus(c.camera(1).target()).length())
                .isCloseTo(0.9 * turned.eye().minus(turned.target()).length(), within(1e-9));
        c.rotate(0, 1e6, 200);
        assertThat(c.view().elevationDegrees()).isEqualTo(89);
        c.pan(50, 0, 200);
        assertThat(c.camera(1).target().minus(start.target()).length()).isGreaterThan(0);
        c.reset();
        assertThat(c.camera(1)).isEqualTo(start);
    }

    @Test
    void tilesCoverTheImage() {
        TileLayout two = TileLayout.of(2, 1281, 960);
        assertThat(two.cols()).isEqualTo(2);
        assertThat(two.x1(0)).isEqualTo(two.x0(1));
        assertThat(two.x1(1)).isEqualTo(1281);
        TileLayout five = TileLayout.of(5, 300, 200);
        assertThat(five.cols()).isEqualTo(3);
        assertThat(five.rows()).isEqualTo(2);
        assertThat(five.y0(4)).isEqualTo(100);
    }

    @Test
    void vertexNormalsOfASpherePointOutwards() {
        TriangleMesh mesh = new Sphere(1).toMesh(16);
        float[] n = VertexNormals.of(mesh);
        float[] v = mesh.vertices();
        for (int i = 0; i < v.length; i += 3) {
            double dot = n[i] * v[i] + n[i + 1] * v[i + 1] + n[i + 2] * v[i + 2];
            assertThat(dot).isGreaterThan(0.99);
        }
    }

    @Test
    void spacingOfAGridIsCloseToItsStep() {
        float[] xyz = new float[3 * 100 * 100];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                int o = 3 * (i * 100 + j);
                xyz[o] = 0.1f * i;
                xyz[o + 1] = 0.1f * j;
            }
        }
        assertThat(PointSpacing.estimate(xyz)).isBetween(0.08, 0.11);
        assertThat(PointSpacing.estimate(new float[] {1, 2, 3})).isEqualTo(1.0);
    }
}
