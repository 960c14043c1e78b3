package org.isofield.render.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The distance slice's parsing, viewer cycle and iso-line spacing; no driver. */
class FieldSliceTest {
    @Test
    void parsesAxisAndOffset() {
        assertThat(FieldSlice.parse("z,0.5")).isEqualTo(new FieldSlice(2, 0.5));
        assertThat(FieldSlice.parse(" X , 0 ")).isEqualTo(new FieldSlice(0, 0));
        assertThat(FieldSlice.parse("y,1").toString()).isEqualTo("y,1.000");
    }

    @Test
    void badTextNamesWhatWasExpected() {
        assertThatThrownBy(() -> FieldSlice.parse("w,0.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 'w'").hasMessageContaining("x, y or z");
        assertThatThrownBy(() -> FieldSlice.parse("z")).hasMessageContaining("AXIS,OFFSET");
        assertThatThrownBy(() -> FieldSlice.parse("z,half")).hasMessageContaining("offset 'half'");
        assertThatThrownBy(() -> FieldSlice.parse("z,1.5")).hasMessageContaining("expected 0 to 1");
        assertThatThrownBy(() -> FieldSlice.parse("z,NaN")).hasMessageContaining("expected 0 to 1");
    }

    @Test
    void cyclesThroughTheAxesAndMovesWithinTheCube() {
        FieldSlice s = FieldSlice.cycle(null);
        assertThat(s).isEqualTo(new FieldSlice(0, 0.5));
        s = FieldSlice.cycle(FieldSlice.cycle(s));
        assertThat(s.axis()).isEqualTo(2);
        assertThat(FieldSlice.cycle(s)).isNull();
        assertThat(s.moved(0.75).offset()).isEqualTo(1.0);
        assertThat(s.moved(-FieldSlice.KEY_STEP).offset()).isEqualTo(0.5 - 1.0 / 64);
    }

    @Test
    void isoLinesStayEightPixelsApart() {
        assertThat(FieldSlice.isoSpacing(0.001)).isEqualTo(0.01f);
        assertThat(FieldSlice.isoSpacing(0.00125)).isEqualTo(0.01f);
        assertThat(FieldSlice.isoSpacing(0.002)).isEqualTo(0.02f);
        assertThat(FieldSlice.isoSpacing(0.0044)).isEqualTo(0.05f);
        assertThat(FieldSlice.isoSpacing(0.01)).isEqualTo(0.1f);
        assertThat(FieldSlice.isoSpacing(0.02)).isEqualTo(0.2f);
    }
}
