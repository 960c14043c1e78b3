package org.isofield.datasets.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Shapes.byName("cube"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown shape \"cube\"; known: sphere, torus, rounded-box, capsule, csg-part");
    }

    @Test
    void constructorsRejectBadSizes() {
        assertThatThrownBy(() -> new Sphere(0)).hasMessageContaining("radius");
        assertThatThrownBy(() -> new Torus(0.1, 0.2)).hasMessageContaining("major");
        assertThatThrownBy(() -> new RoundedBox(0.1, 0.3, 0.3, 0.2)).hasMessageContaining("halfX");
        assertThatThrownBy(() -> new Capsule(-1, 0.2)).hasMessageContaining("halfLength");
        assertThatThrownBy(() -> new CsgPart(0.2, 0.1, 0.3)).hasMessageContaining("halfSide");
        assertThatThrownBy(() -> new Sphere(1).toMesh(0)).hasMessageContaining("resolution");
    }

    @Test
    void csgPartDistancesAtKnownPoints() {
        CsgPart p = new CsgPart(0.35, 0.15, 0.15);
        assertThat(p.signedDistance(0, 0, 0)).isCloseTo(0.15, within(1e-15));             // axis, in the hole
        assertThat(p.signedDistance(0, 0, 1)).isCloseTo(Math.hypot(0.15, 0.85), within(1e-15)); // above: the rim
        assertThat(p.signedDistance(0.05, 0, 0.2)).isCloseTo(Math.hypot(0.10, 0.05), within(1e-15));
        assertThat(p.signedDistance(0.25, 0, 0)).isCloseTo(-0.1, within(1e-15));          // between wall and side
        assertThat(p.signedDistance(0.25, 0.25, 0.1)).isCloseTo(-0.05, within(1e-15));    // near the top
        assertThat(p.signedDistance(0.3, 0.3, 0)).isCloseTo(-0.05, within(1e-15));        // near two sides
        assertThat(p.signedDistance(1, 1, 1)).isCloseTo(Math.sqrt(2 * 0.65 * 0.65 + 0.85 * 0.85), within(1e-15));
        assertThat(p.signedDistance(0.2, 0, 0.3)).isCloseTo(0.15, within(1e-15));         // above the top face
        assertThat(p.signedDistance(0.35, 0.35, 0.15)).isEqualTo(0.0);                     // sharp corner
    }

    @Test
    void analyticGradientsMatchFiniteDifferences() {
        for (AnalyticShape s : new AnalyticShape[] {new Sphere(0.4), new Torus(0.3, 0.12)}) {
            Vec3d g = s.gradient(0.11, -0.23, 0.07);
            double h = 1e-6;
            assertThat(g.x()).isCloseTo((s.signedDistance(0.11 + h, -0.23, 0.07) - s.signedDistance(0.11 - h, -0.23,
                    0.07)) / (2 * h), within(1e-6));
            assertThat(g.y()).isCloseTo((s.signedDistance(0.11, -0.23 + h, 0.07) - s.signedDistance(0.11, -0.23 - h,
                    0.07)) / (2 * h), within(1e-6));
            assertThat(g.z()).isCloseTo((s.signedDistance(0.11, -0.23, 0.07 + h) - s.signedDistance(0.11, -0.23,
                    0.07 - h)) / (2 * h), within(1e-6));
        }
    }

    @Test
    void capsuleWithoutLengthIsASphere() {
        Capsule c = new Capsule(0, 0.3);
        assertThat(c.signedDistance(0.1, 0.2, 0.3)).isCloseTo(new Sphere(0.3).signedDistance(0.1, 0.2, 0.3),
                within(1e-15));
        assertThat(c.toMesh(10).faceCount()).isEqualTo(new Sphere(0.3).toMesh(10).faceCount());
    }
}
