package org.isofield.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.junit.jupiter.api.Test;

class NumberOrAutoTest {
    @Test
    void parsesAutoInAnyCaseNumbersAndNumericText() {
        assertThat(NumberOrAuto.parse(" Auto ").isAuto()).isTrue();
        assertThat(NumberOrAuto.parse("256").orElse(0)).isEqualTo(256);
        assertThat(NumberOrAuto.fromJson(Json.parse("0.25", "t")).value()).isEqualTo(0.25);
        assertThat(NumberOrAuto.fromJson(Json.parse("\"AUTO\"", "t"))).isEqualTo(NumberOrAuto.AUTO);
        assertThatThrownBy(() -> NumberOrAuto.parse("many")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"many\"").hasMessageContaining("\"auto\"");
        assertThatThrownBy(() -> NumberOrAuto.fromJson(Json.parse("true", "t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found true");
        assertThatThrownBy(() -> NumberOrAuto.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesWholeNumbersWithoutAFraction() {
        assertThat(Json.write(NumberOrAuto.of(128))).isEqualTo("128");
        assertThat(Json.write(NumberOrAuto.of(0.5))).isEqualTo("0.5");
        assertThat(Json.write(NumberOrAuto.AUTO)).isEqualTo("\"auto\"");
        assertThat(NumberOrAuto.of(3)).hasToString("3");
    }

    @Test
    void autoHasNoValueButFallsBack() {
        assertThat(NumberOrAuto.AUTO.orElse(7)).isEqualTo(7);
        assertThat(NumberOrAuto.AUTO.orElse(0.5)).isEqualTo(0.5);
        assertThatThrownBy(NumberOrAuto.AUTO::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rangeChecksNameTheKey() {
        assertThat(NumberOrAuto.checkWhole("grid_resolution", NumberOrAuto.AUTO, 8, 2048).isAuto()).isTrue();
        assertThatThrownBy(() -> NumberOrAuto.checkWhole("grid_resolution", NumberOrAuto.of(4), 8, 2048))
                .isInstanceOf(ConfigException.class).hasMessageContaining("grid_resolution")
                .hasMessageContaining("found 4");
        assertThatThrownBy(() -> NumberOrAuto.checkWhole("grid_resolution", NumberOrAuto.of(64.5), 8, 2048))
                .isInstanceOf(ConfigException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> NumberOrAuto.checkRange("smooth_weight", null, 0, 1e6))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing");
        assertThat(NumberOrAuto.checkRange("smooth_weight", NumberOrAuto.of(0), 0, 1e6).value()).isZero();
    }
}
