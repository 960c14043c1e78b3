package org.isofield.render.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

/** Distances, scale and legend of distance colouring on literal inputs; no Vulkan. */
class DistanceColoringTest {
    /** The square [0,1]^2 at z = 0 as two triangles. */
    static final TriangleMesh SQUARE = TriangleMesh.of(new float[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0},
            new int[] {0, 1, 2, 0, 2, 3});

    /** 20 points above the square at heights 0.01, 0.02, ..., 0.20, stored relative to an origin far away. */
    static PointCloud column() {
        float[] p = new float[60];
        for (int i = 0; i < 20; i++) {
            p[3 * i] = 0.5f;
            p[3 * i + 1] = 0.5f;
            p[3 * i + 2] = 0.01f * (i + 1);
        }
        Vec3d origin = new Vec3d(1000, -1000, 0);
        for (int i = 0; i < 20; i++) {
            p[3 * i] -= 1000;
            p[3 * i + 1] += 1000;
        }
        return PointCloud.of(p, origin);
    }

    @Test
    void valuesAreDistancesOverTheScale() {
        DistanceColoring.Result r = DistanceColoring.apply(List.of(RenderItem.of("c", column())), new boolean[] {true},
                SQUARE, "square.obj", 0.1);
        float[] t = r.items().get(0).scalars();
        for (int i = 0; i < 20; i++) {
            assertThat((double) t[i]).isCloseTo(0.1 * (i + 1), Offset.offset(1e-5));
        }
        assertThat(r.count()).isEqualTo(20);
        assertThat(r.max()).isCloseTo(0.2, Offset.offset(1e-6));
        assertThat(r.mean()).isCloseTo(0.105, Offset.offset(1e-6));
        assertThat(r.bar().scale()).isEqualTo(0.1);
        assertThat(r.bar().referenceLength()).isCloseTo(Math.sqrt(2), Offset.offset(1e-9));
        assertThat(r.bar().title()).contains("square.obj", "1.41");
        assertThat(r.bar().tick(0.1)).isEqualTo("0.100 (7.1%)");
    }

    @Test
    void theDefaultScaleIsThe95thPercentileOfAllColouredItems() {
        RenderItem a = RenderItem.of("a", column());
        RenderItem plain = RenderItem.of("square", SQUARE);
        DistanceColoring.Result r = DistanceColoring.apply(List.of(a, plain), new boolean[] {true, false}, SQUARE, "sq",
                Double.NaN);
        // 20 sorted values 0.01..0.20: index round(0.95 * 19) = 18 -> 0.19
        assertThat(r.bar().scale()).isCloseTo(0.19, Offset.offset(1e-6));
        assertThat(r.p95()).isCloseTo(0.19, Offset.offset(1e-6));
        assertThat(r.items().get(1)).isSameAs(plain);
    }

    @Test
    void zeroDistancesFallBackToATenthOfAPercentOfTheDiagonal() {
        DistanceColoring.Result r = DistanceColoring.apply(List.of(RenderItem.of("same", SQUARE)), new boolean[] {true},
                SQUARE, "sq", Double.NaN);
        assertThat(r.bar().scale()).isCloseTo(1e-3 * Math.sqrt(2), Offset.offset(1e-12));
        assertThat(r.items().get(0).scalars()).containsOnly(0f);
    }

    @Test
    void badInputsAreRefused() {
        List<RenderItem> one = List.of(RenderItem.of("c", column()));
        assertThatThrownBy(() -> DistanceColoring.apply(one, new boolean[] {true}, SQUARE, "sq", -1))
                .hasMessageContaining("scale -1.0; expected a finite value above 0");
        TriangleMesh noFaces = TriangleMesh.of(new float[] {0, 0, 0}, new int[0]);
        assertThatThrownBy(() -> DistanceColoring.apply(one, new boolean[] {true}, noFaces, "pts.ply", Double.NaN))
                .hasMessageContaining("pts.ply has no faces");
        assertThatThrownBy(() -> DistanceColoring.apply(one, new boolean[] {false}, SQUARE, "sq", Double.NaN))
                .hasMessageContaining("no input to colour");
        assertThatThrownBy(() -> RenderItem.of("c", column()).withScalars(new float[3]))
                .hasMessageContaining("3 colour-map values for 20 vertices");
    }
}
