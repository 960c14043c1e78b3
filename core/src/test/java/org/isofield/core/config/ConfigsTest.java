package org.isofield.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigsTest {
    enum Mode { FAST, SLOW }

    record Sample(int steps, long seed, double rate, NumberOrAuto resolution, Mode mode, List<Double> view)
            implements ComponentConfig {
        static final Sample DEFAULT = new Sample(10, 0L, 0.5, NumberOrAuto.AUTO, Mode.FAST, List.of());

        Sample {
            Check.configRange("steps", steps, 0, 100);
        }

        @Override
        public String otype() {
            return "Sample";
        }
    }

    @Test
    void changesTheNamedKeysAndKeepsTheOthers() {
        Sample s = Configs.with(Sample.DEFAULT, "steps", 60, "resolution", 32, "mode", "SLOW", "seed", 3);
        assertThat(s).isEqualTo(new Sample(60, 3L, 0.5, NumberOrAuto.of(32), Mode.SLOW, List.of()));
        assertThat(Configs.with(s, "resolution", "auto", "rate", 1).resolution().isAuto()).isTrue();
        assertThat(Configs.with(s, "view", List.of(1.0, 2.0, 3.0)).view()).containsExactly(1.0, 2.0, 3.0);
        assertThat(Configs.with(s)).isEqualTo(s);
    }

    @Test
    void theRecordsChecksStillApply() {
        assertThatThrownBy(() -> Configs.with(Sample.DEFAULT, "steps", 1000)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("steps");
    }

    @Test
    void unknownKeysAndWrongTypesAreConfigErrors() {
        assertThatThrownBy(() -> Configs.with(Sample.DEFAULT, "stpes", 3)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("stpes").hasMessageContaining("known: steps, seed");
        assertThatThrownBy(() -> Configs.with(Sample.DEFAULT, "mode", "medium")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mode").hasMessageContaining("medium");
        assertThatThrownBy(() -> Configs.with(Sample.DEFAULT, "steps")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }
}
