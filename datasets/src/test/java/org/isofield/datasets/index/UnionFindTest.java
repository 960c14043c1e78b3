package org.isofield.datasets.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Union-find against a naive relabelling on seeded random unions. */
class UnionFindTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void agreesWithNaiveLabels(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 300;
        UnionFind uf = new UnionFind(n);
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        for (int u = 0; u < 200; u++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            boolean apart = label[a] != label[b];
            assertThat(uf.union(a, b)).isEqualTo(apart);
            int from = label[b];
            for (int i = 0; i < n; i++) {
                if (label[i] == from) {
                    label[i] = label[a];
                }
            }
        }
        int roots = 0;
        for (int i = 0; i < n; i++) {
            roots += uf.isRoot(i) ? 1 : 0;
            int members = 0;
            for (int j = 0; j < n; j++) {
                assertThat(uf.find(i) == uf.find(j)).isEqualTo(label[i] == label[j]);
                members += label[j] == label[i] ? 1 : 0;
            }
            assertThat(uf.setSize(i)).isEqualTo(members);
        }
        assertThat(roots).isEqualTo((int) Arrays.stream(label).distinct().count());
    }

    @Test
    void rejectsNegativeSize() {
        assertThatThrownBy(() -> new UnionFind(-1)).hasMessageContaining("n = -1");
    }
}
