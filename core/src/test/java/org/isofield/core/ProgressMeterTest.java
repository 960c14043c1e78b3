package org.isofield.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    @Test
    void reportsStartAndEnd() {
        List<Double> seen = new ArrayList<>();
        ProgressMeter m = ProgressMeter.of((phase, f) -> seen.add(f), "work", 10);
        for (int i = 0; i < 10; i++) {
            m.step();
        }
        m.done();
        assertThat(seen.get(0)).isEqualTo(0.0);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
        assertThat(seen).allMatch(f -> f >= 0 && f <= 1);
        assertThat(m.count()).isEqualTo(10);
    }

    @Test
    void callbackReturningFalseCancelsAtTheNextStep() {
        ProgressMeter m = ProgressMeter.of((phase, f) -> false, "train", 100);
        assertThatThrownBy(m::step).isInstanceOf(CancelledException.class).hasMessage("cancelled during train");
    }

    @Test
    void exceptionsCarryExitCodes() {
        assertThat(new ConfigException("$.a", "x").exitCode()).isEqualTo(2);
        assertThat(FormatException.atLine(Path.of("a.ply"), 3, "bad").exitCode()).isEqualTo(3);
        assertThat(new BackendUnavailableException("cuda", "no driver").exitCode()).isEqualTo(4);
        assertThat(new NumericalException("train", 12,
                "loss became NaN").getMessage()).isEqualTo("train step 12: loss became NaN");
        assertThat(new CancelledException("x").exitCode()).isEqualTo(130);
    }

    @Test
    void formatExceptionMessagesNamePositions() {
        var p = Path.of("scan.ply");
        assertThat(FormatException.atLine(p, 14, "bad").getMessage()).isEqualTo("scan.ply:14: bad");
        assertThat(FormatException.atByte(p, 4096, "bad").getMessage()).isEqualTo("scan.ply: byte 4096: bad");
        assertThat(FormatException.inFile(p, "empty").getMessage()).isEqualTo("scan.ply: empty");
    }
}
