package org.isofield.encodings.densegrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.isofield.encodings.grid.Interpolation;
import org.junit.jupiter.api.Test;

class DenseGridEncodingTest {
    @Test
    void everyLevelIsDenseWithPaddedRows() {
        DenseGridEncoding enc = new DenseGridEncoding(DenseGridConfig.DEFAULT, 3);
        long total = 0;
        for (int l = 0; l < 8; l++) {
            long res = (long) Math.ceil(16 * Math.pow(1.3459, l) - 1) + 1;
            long rows = (res * res * res + 7) / 8 * 8;
            assertThat(enc.grid().hashed(l)).isFalse();
            assertThat((long) enc.grid().rows(l)).as("level %d", l).isEqualTo(rows);
            total += rows * 2;
        }
        assertThat(enc.grid().resolution(7)).isEqualTo(128);
        assertThat((long) enc.paramCount()).isEqualTo(total);
    }

    @Test
    void rowsAreLexicographicVertexIndices() {
        DenseGridEncoding enc = new DenseGridEncoding(new DenseGridConfig(2, 1, 5, 2.0, Interpolation.LINEAR), 2);
        int res = enc.grid().resolution(1);
        assertThat(enc.grid().row(1, new int[] {3, 2})).isEqualTo(3 + 2 * res);
    }

    @Test
    void tooLargeGridIsAConfigError() {
        assertThatThrownBy(() -> new DenseGridEncoding(new DenseGridConfig(16, 2, 16, 2.0, Interpolation.LINEAR), 3))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rows");
    }
}
