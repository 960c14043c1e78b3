package org.isofield.render.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lwjgl.glfw.GLFW.*;

import org.assertj.core.data.Offset;
import org.isofield.datasets.geom.Aabb;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.RenderMode;
import org.junit.jupiter.api.Test;

/** The viewer's key state without a window: layers, modes, the clipping plane. */
class KeyBindingsTest {
    static final Aabb BOX = new Aabb(-1, 0, 10, 3, 2, 30);

    @Test
    void digitsToggleLayersAndZeroShowsAll() {
        KeyBindings k = new KeyBindings(3, BOX, RenderMode.SHADED, null);
        assertThat(k.key(GLFW_KEY_2, 0)).isEqualTo(KeyBindings.Action.REDRAW);
        assertThat(k.visible(0)).isTrue();
        assertThat(k.visible(1)).isFalse();
        k.key(GLFW_KEY_3, 0);
        k.key(GLFW_KEY_2, 0);
        assertThat(k.visible(1)).isTrue();
        assertThat(k.visible(2)).isFalse();
        assertThat(k.key(GLFW_KEY_4, 0)).as("no fourth input").isEqualTo(KeyBindings.Action.NONE);
        k.key(GLFW_KEY_0, 0);
        assertThat(k.visible(2)).isTrue();
    }

    @Test
    void functionKeysAndMChooseTheMode() {
        KeyBindings k = new KeyBindings(1, BOX, RenderMode.SHADED, null);
        k.key(GLFW_KEY_F3, 0);
        assertThat(k.mode()).isEqualTo(RenderMode.WIREFRAME);
        k.key(GLFW_KEY_M, 0);
        assertThat(k.mode()).isEqualTo(RenderMode.POINTS);
        k.key(GLFW_KEY_M, 0);
        assertThat(k.mode()).isEqualTo(RenderMode.SHADED);
    }

    @Test
    void theClipPlaneTogglesTurnsFlipsAndMoves() {
        KeyBindings k = new KeyBindings(1, BOX, RenderMode.SHADED, null);
        assertThat(k.clip()).isNull();
        k.key(GLFW_KEY_C, 0);
        assertThat(k.clip()).isEqualTo(new ClipPlane(0, 1, 1));
        k.key(GLFW_KEY_RIGHT_BRACKET, 0);
        assertThat(k.clip().position()).isCloseTo(1.04, Offset.offset(1e-12));
        k.key(GLFW_KEY_LEFT_BRACKET, GLFW_MOD_SHIFT);
        assertThat(k.clip().position()).isCloseTo(0.64, Offset.offset(1e-12));
        k.key(GLFW_KEY_Z, 0);
        assertThat(k.clip()).as("a new axis starts at the centre").isEqualTo(new ClipPlane(2, 1, 20));
        k.key(GLFW_KEY_Z, 0);
        assertThat(k.clip()).as("the same axis flips").isEqualTo(new ClipPlane(2, -1, 20));
        assertThat(k.scrollPlane(-1)).isTrue();
        assertThat(k.clip().position()).isCloseTo(19.6, Offset.offset(1e-12));
        k.key(GLFW_KEY_C, 0);
        assertThat(k.clip()).isNull();
        k.key(GLFW_KEY_C, 0);
        assertThat(k.clip()).as("the plane is kept while off").isEqualTo(new ClipPlane(2, -1, 19.6));
    }

    @Test
    void aStartPlaneIsOnAndPlaced() {
        KeyBindings k = new KeyBindings(1, BOX, RenderMode.NORMALS, ClipPlane.parse("-y"));
        assertThat(k.clip()).isEqualTo(new ClipPlane(1, -1, 1));
        assertThat(k.mode()).isEqualTo(RenderMode.NORMALS);
    }

    @Test
    void windowKeysComeBackAsActions() {
        KeyBindings k = new KeyBindings(1, BOX, RenderMode.SHADED, null);
        assertThat(k.key(GLFW_KEY_S, 0)).isEqualTo(KeyBindings.Action.SCREENSHOT);
        assertThat(k.key(GLFW_KEY_R, 0)).isEqualTo(KeyBindings.Action.RESET_VIEW);
        assertThat(k.key(GLFW_KEY_H, 0)).isEqualTo(KeyBindings.Action.HELP);
        assertThat(k.key(GLFW_KEY_Q, 0)).isEqualTo(KeyBindings.Action.CLOSE);
        assertThat(k.key(GLFW_KEY_ESCAPE, 0)).isEqualTo(KeyBindings.Action.CLOSE);
        assertThat(k.key(GLFW_KEY_K, 0)).isEqualTo(KeyBindings.Action.NONE);
        assertThat(KeyBindings.repeats(GLFW_KEY_PAGE_UP)).isTrue();
        assertThat(KeyBindings.repeats(GLFW_KEY_C)).isFalse();
    }
}
