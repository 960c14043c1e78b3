package org.isofield.datasets.index.kdtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.QueryOrder;
import org.isofield.datasets.index.kdtree.Clouds.Distribution;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    @Test
    void rejectsEmptyCloud() {
        assertThatThrownBy(() -> KdTree.build(new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 points");
    }

    @Test
    void rejectsNonFiniteCoordinatesAndBadArguments() {
        assertThatThrownBy(() -> KdTree.build(new float[] {0, Float.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 0");
        assertThatThrownBy(() -> KdTree.build(new float[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 3");
        assertThatThrownBy(() -> KdTree.build(new float[] {0, 0, 0}, 0)).isInstanceOf(IllegalArgumentException.class);
        KdTree tree = KdTree.build(new float[] {0, 0, 0});
        assertThatThrownBy(() -> tree.nearest(0, Float.POSITIVE_INFINITY,
                0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.knn(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.radius(0, 0, 0, -1f, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.nearest(new float[6], new int[1], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outIndex");
    }

    @Test
    void answersTinyClouds() {
        for (int n = 1; n <= 3; n++) {
            float[] p = new float[3 * n];
            for (int i = 0; i < n; i++) {
                p[3 * i] = i;
            }
            KdTree tree = KdTree.build(p, 1);
            assertThat(tree.size()).isEqualTo(n);
            assertThat(tree.nearest(-5, 0, 0)).isEqualTo(new Neighbor(0, 25f));
            assertThat(tree.nearest(n - 1 + 0.25f, 0, 0)).isEqualTo(new Neighbor(n - 1, 0.0625f));
            List<Neighbor> all = tree.knn(10, 0, 0, 5);
            assertThat(all).hasSize(n);
            for (int j = 0; j < n; j++) {
                assertThat(all.get(j).index()).isEqualTo(n - 1 - j);
            }
            assertThat(tree.radius(0, 0, 0, 1f, true)).extracting(Neighbor::index)
                    .containsExactlyElementsOf(n == 1 ? List.of(0) : List.of(0, 1));
        }
    }

    @Test
    void radiusIncludesPointsExactlyOnTheSphere() {
        KdTree tree = KdTree.build(new float[] {1, 0, 0, 0, 2, 0, 0, 0, 3});
        assertThat(tree.radius(0, 0, 0, 2f, true)).containsExactly(new Neighbor(0, 1f), new Neighbor(1, 4f));
        List<Integer> visited = new ArrayList<>();
        assertThat(tree.radius(0, 0, 0, 0f, (i, d2) -> visited.add(i))).isZero();
        assertThat(visited).isEmpty();
    }

    @Test
    void identicalPointsAreFoundWithoutScanningEverything() {
        float[] p = Clouds.cloud(Distribution.IDENTICAL, 200_000, 3);
        KdTree tree = KdTree.build(p);
        float[] q = Clouds.queries(p, 20_000, 4);
        float[] d = new float[20_000];
        long t0 = System.nanoTime();
        tree.nearest(q, null, d);
        assertThat(System.nanoTime() - t0).as("nanoseconds").isLessThan(5_000_000_000L);
        assertThat(d[0]).isZero();
    }

    @Test
    void buildAndBatchResultsDoNotDependOnThreadCount() {
        float[] p = Clouds.cloud(Distribution.CLUSTERED, 50_000, 11);
        float[] q = Clouds.queries(p, 10_000, 12);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            int[] i1 = new int[10_000 * 3];
            KdTree.build(p).knn(q, 3, i1, null);
            Parallel.setThreads(2);
            int[] i2 = new int[10_000 * 3];
            KdTree.build(p).knn(q, 3, i2, null);
            assertThat(i2).isEqualTo(i1);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void largeBatchesProcessedInSpatialOrderAnswerEachQueryInPlace() {
        float[] p = Clouds.cloud(Distribution.UNIFORM, 20_000, 21);
        int m = 3 * QueryOrder.MIN_QUERIES;
        float[] q = Clouds.queries(p, m, 22);
        KdTree tree = KdTree.build(p);
        int[] idx = new int[m];
        float[] d = new float[m];
        tree.nearest(q, idx, d);
        int[] idx2 = new int[2 * m];
        float[] d2 = new float[2 * m];
        tree.knn(q, 2, idx2, d2);
        for (int i = 0; i < m; i++) {
            Neighbor one = tree.nearest(q[3 * i], q[3 * i + 1], q[3 * i + 2]);
            assertThat(new Neighbor(idx[i], d[i])).isEqualTo(one);
            assertThat(new Neighbor(idx2[2 * i + 1], d2[2 * i + 1]))
                    .isEqualTo(tree.knn(q[3 * i], q[3 * i + 1], q[3 * i + 2], 2).get(1));
            assertThat(d2[2 * i]).isEqualTo(d[i]);
        }
    }

    @Test
    void cloudTreeAnswersInTheCloudsStoredFrame() {
        PointCloud cloud = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0}, new Vec3d(1e6, 0, 0));
        KdTree tree = KdTree.build(cloud);
        assertThat(tree.nearest(0.9f, 0, 0).index()).isEqualTo(1);
    }

    @Test
    void doesNotKeepOrWriteTheInputArray() {
        float[] p = Clouds.cloud(Distribution.UNIFORM, 1000, 5);
        float[] copy = p.clone();
        KdTree tree = KdTree.build(p);
        assertThat(p).isEqualTo(copy);
        p[0] = 100;
        assertThat(tree.nearest(100, p[1], p[2]).dist2()).isGreaterThan(1f);
    }
}
