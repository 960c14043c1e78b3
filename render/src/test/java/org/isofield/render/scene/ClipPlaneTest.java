package org.isofield.render.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Parsing and placing clipping planes; no Vulkan. */
class ClipPlaneTest {
    @Test
    void parsesAxisSignAndPosition() {
        assertThat(ClipPlane.parse("x")).isEqualTo(new ClipPlane(0, 1, Double.NaN));
        assertThat(ClipPlane.parse(" -Y , 0.25 ")).isEqualTo(new ClipPlane(1, -1, 0.25));
        assertThat(ClipPlane.parse("+z,-1e-3")).isEqualTo(new ClipPlane(2, 1, -1e-3));
        assertThat(ClipPlane.parse("-y,0.25").toString()).isEqualTo("-y,0.250000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "w", "xy", "x,", "x,abc", "x,1,2", "x,NaN", "--x"})
    void badTextSaysWhatIsExpected(String text) {
        assertThatThrownBy(() -> ClipPlane.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"").hasMessageMatching("(?s).*expected.*");
    }

    @Test
    void anUnsetPositionGoesToTheCentreOfTheBounds() {
        Aabb box = new Aabb(0, 2, 4, 2, 6, 10);
        assertThat(ClipPlane.parse("y").at(box).position()).isEqualTo(4);
        assertThat(ClipPlane.parse("-z,1").at(box).position()).isEqualTo(1);
        assertThat(ClipPlane.parse("x,1").moved(0.5).position()).isEqualTo(1.5);
    }

    @Test
    void theModelPlaneAccountsForTheGeometryOrigin() {
        float[] p = new ClipPlane(1, -1, 3).inModel(new Vec3d(10, 2, 0));
        // discard where -(m.y + 2) > -3, i.e. dot((0,-1,0), m) > -1
        assertThat(p).containsExactly(0f, -1f, 0f, -1f);
        assertThatThrownBy(() -> ClipPlane.parse("x").inModel(Vec3d.ZERO)).isInstanceOf(IllegalStateException.class);
    }
}
