package org.isofield.datasets.io.pcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.isofield.datasets.io.internal.Lzf;
import org.junit.jupiter.api.Test;

class LzfTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void decodesLiteralsAndOverlappingBackReferencesFromTheSpec() throws Exception {
        // literal "ab" (ctrl 1), then a back reference of length 2 + 3 = 5 at offset 1 + 1 = 2: "ababa",
        // then a long reference: ctrl 7 << 5, extra length 1 -> 7 + 1 + 2 = 10 bytes at offset 1: "aaaaaaaaaa".
        byte[] in = bytes(1, 'a', 'b', (3 << 5), 1, (7 << 5), 1, 0);
        byte[] out = new byte[2 + 5 + 10];

        Lzf.decompress(in, 0, in.length, out);

        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("abababaaaaaaaaaaa");
    }

    @Test
    void compressedDataDecompressesToTheOriginal() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 2, 3, 31, 32, 33, 1000, 20000}) {
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (r.nextInt(3) == 0 ? r.nextInt(256) : i % 7);
            }
            byte[] packed = Lzf.compress(data);
            byte[] back = new byte[n];
            Lzf.decompress(packed, 0, packed.length, back);
            assertThat(back).as("%d bytes", n).isEqualTo(data);
            assertThat(packed.length).isLessThanOrEqualTo(n + n / 32 + 1);
        }
    }

    @Test
    void corruptStreamsAreReportedWithTheirOffset() {
        assertThatThrownBy(() -> Lzf.decompress(bytes(5, 'a', 'b'), 0, 3, new byte[6]))
                .isInstanceOf(Lzf.DecompressionException.class)
                .hasMessageContaining("literal run of 6 bytes, but only 2 compressed bytes are left");
        assertThatThrownBy(() -> Lzf.decompress(bytes(0, 'a', (1 << 5), 5), 0, 4, new byte[4]))
                .isInstanceOf(Lzf.DecompressionException.class)
                .hasMessageContaining("back reference 6 bytes back, but only 1 bytes have been decompressed")
                .satisfies(e -> assertThat(((Lzf.DecompressionException) e).inputOffset()).isEqualTo(2));
        assertThatThrownBy(() -> Lzf.decompress(bytes(0, 'a', (7 << 5), 200, 0), 0, 5, new byte[10]))
                .isInstanceOf(Lzf.DecompressionException.class).hasMessageContaining("goes past the declared");
        assertThatThrownBy(() -> Lzf.decompress(bytes(0, 'a'), 0, 2, new byte[3]))
                .isInstanceOf(Lzf.DecompressionException.class).hasMessageContaining("ends after 1 of 3 bytes");
        assertThatThrownBy(() -> Lzf.decompress(bytes(0, 'a', (7 << 5)), 0, 3, new byte[30]))
                .isInstanceOf(Lzf.DecompressionException.class).hasMessageContaining("cut off");
    }
}
