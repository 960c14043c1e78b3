package org.isofield.datasets.index.kdtree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.isofield.datasets.index.kdtree.Clouds.Distribution;
import org.isofield.datasets.testing.RandomCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every query agrees with brute force on seeded clouds of every distribution and size. */
class KdTreePropertiesTest {
    static Stream<Arguments> nearestCases() {
        return RandomCases.of(11, 150, r -> new Object[] {RandomCases.size(r, 1, 2500),
            RandomCases.pick(r, Distribution.class), r.nextLong(1_000_000), RandomCases.size(r, 1, 20)});
    }

    static Stream<Arguments> knnCases() {
        return RandomCases.of(12, 120, r -> new Object[] {RandomCases.size(r, 1, 1500),
            RandomCases.pick(r, Distribution.class), r.nextLong(1_000_000), RandomCases.size(r, 1, 40),
            RandomCases.size(r, 1, 20)});
    }

    static Stream<Arguments> radiusCases() {
        return RandomCases.of(13, 120, r -> new Object[] {RandomCases.size(r, 1, 1500),
            RandomCases.pick(r, Distribution.class), r.nextLong(1_000_000), RandomCases.size(r, 0, 100),
            r.nextBoolean()});
    }

    @ParameterizedTest
    @MethodSource("nearestCases")
    void nearestMatchesBruteForce(int n, Distribution d, long seed, int leafSize) {
        float[] p = Clouds.cloud(d, n, seed);
        KdTree tree = KdTree.build(p, leafSize);
        float[] q = Clouds.queries(p, 64, seed);
        int[] idx = new int[64];
        float[] dist = new float[64];
        tree.nearest(q, idx, dist);
        for (int i = 0; i < 64; i++) {
            float x = q[3 * i], y = q[3 * i + 1], z = q[3 * i + 2];
            float expected = Clouds.keyDist(Clouds.sortedKeys(p, x, y, z)[0]);
            assertThat(dist[i]).isEqualTo(expected);
            assertThat(Clouds.dist2(p, idx[i], x, y, z)).isEqualTo(expected);
            Neighbor one = tree.nearest(x, y, z);
            assertThat(one).isEqualTo(new Neighbor(idx[i], dist[i]));
        }
    }

    @ParameterizedTest
    @MethodSource("knnCases")
    void knnMatchesBruteForce(int n, Distribution d, long seed, int k, int leafSize) {
        float[] p = Clouds.cloud(d, n, seed);
        KdTree tree = KdTree.build(p, leafSize);
        int m = 32;
        float[] q = Clouds.queries(p, m, seed);
        int[] idx = new int[m * k];
        float[] dist = new float[m * k];
        tree.knn(q, k, idx, dist);
        for (int i = 0; i < m; i++) {
            float x = q[3 * i], y = q[3 * i + 1], z = q[3 * i + 2];
            long[] ref = Clouds.sortedKeys(p, x, y, z);
            TreeSet<Integer> seen = new TreeSet<>();
            List<Neighbor> single = tree.knn(x, y, z, k);
            assertThat(single).hasSize(Math.min(k, n));
            for (int j = 0; j < k; j++) {
                int o = i * k + j;
                if (j >= n) {
                    assertThat(idx[o]).isEqualTo(-1);
                    assertThat(dist[o]).isEqualTo(Float.POSITIVE_INFINITY);
                    continue;
                }
                assertThat(dist[o]).isEqualTo(Clouds.keyDist(ref[j]));
                assertThat(Clouds.dist2(p, idx[o], x, y, z)).isEqualTo(dist[o]);
                assertThat(seen.add(idx[o])).as("distinct indices").isTrue();
                if (j > 0 && dist[o] == dist[o - 1]) {
                    assertThat(idx[o]).isGreaterThan(idx[o - 1]);
                }
                assertThat(single.get(j)).isEqualTo(new Neighbor(idx[o], dist[o]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("radiusCases")
    void radiusMatchesBruteForce(int n, Distribution d, long seed, int rPercent, boolean sorted) {
        float[] p = Clouds.cloud(d, n, seed);
        KdTree tree = KdTree.build(p);
        float r = rPercent / 100f;
        float r2 = r * r;
        int m = 32;
        float[] q = Clouds.queries(p, m, seed);
        NeighborLists lists = tree.radius(q, r, sorted);
        assertThat(lists.queryCount()).isEqualTo(m);
        for (int i = 0; i < m; i++) {
            float x = q[3 * i], y = q[3 * i + 1], z = q[3 * i + 2];
            List<Long> expected = new ArrayList<>();
            for (long key : Clouds.sortedKeys(p, x, y, z)) {
                if (Clouds.keyDist(key) <= r2) {
                    expected.add(key);
                }
            }
            List<Long> got = new ArrayList<>();
            for (int j = 0; j < lists.count(i); j++) {
                assertThat(Clouds.dist2(p, lists.index(i, j), x, y, z)).isEqualTo(lists.dist2(i, j));
                got.add(((long) Float.floatToRawIntBits(lists.dist2(i, j)) << 32) | lists.index(i, j));
            }
            if (sorted) {
                assertThat(got).containsExactlyElementsOf(expected);
            } else {
                assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
            }
            List<Neighbor> single = tree.radius(x, y, z, r, true);
            assertThat(single).hasSize(expected.size());
            for (int j = 0; j < single.size(); j++) {
                assertThat(single.get(j).index()).isEqualTo((int) (long) expected.get(j));
            }
        }
    }
}
