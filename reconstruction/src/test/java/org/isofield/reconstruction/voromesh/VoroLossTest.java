package org.isofield.reconstruction.voromesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.kdtree.KdTree;
import org.junit.jupiter.api.Test;

class VoroLossTest {
    @Test
    void aPointOnTheBisectorCostsNothing() {
        float[] g = {0, 0, 0, 1, 0, 0, 0, 3, 0};
        float[] q = {0.5f, 0.2f, -0.1f};
        float[] grad = new float[9];
        double loss = VoroLoss.lossAndGradient(KdTree.build(g), g, q, 1, 2, grad);
        assertThat(loss).isEqualTo(0.0);
    }

    @Test
    void theLossIsTheSquaredDistanceToTheNearestBisectorPlane() {
        float[] g = {0, 0, 0, 1, 0, 0, 0, 3, 0};
        float[] q = {0.2f, 0.3f, 0};
        double loss = VoroLoss.lossAndGradient(KdTree.build(g), g, q, 1, 2, new float[9]);
        // bisector x = 0.5 is 0.3 away, bisector y = 1.5 is 1.2 away
        assertThat(loss).isCloseTo(0.09, within(1e-7));
    }

    @Test
    void theGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(5L);
        int n = 40;
        float[] g = new float[3 * n];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) r.nextDouble();
        }
        int m = 30;
        float[] q = new float[3 * m];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) (0.2 + 0.6 * r.nextDouble());
        }
        float[] grad = new float[g.length];
        VoroLoss.lossAndGradient(KdTree.build(g), g, q, m, 10, grad);
        double h = 1e-3;
        int checked = 0;
        for (int i = 0; i < g.length; i++) {
            float saved = g[i];
            g[i] = (float) (saved + h);
            double up = VoroLoss.lossAndGradient(KdTree.build(g), g, q, m, 10, new float[g.length]);
            g[i] = (float) (saved - h);
            double down = VoroLoss.lossAndGradient(KdTree.build(g), g, q, m, 10, new float[g.length]);
            g[i] = saved;
            double numeric = (up - down) / (2 * h);
            // the loss is piecewise smooth (nearest sets and minima switch); compare where it is smooth
            if (Math.abs(numeric - grad[i]) < 1e-3 + 0.02 * Math.abs(numeric)) {
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(g.length * 9 / 10);
    }

    @Test
    void generatorsAreTheCornersOfTheCellsThatHoldAPoint() {
        // a single point in the middle of a box of side 1: with 4 cells across it, its cell has 8 corners
        float[] p = {0, 0, 0, 1, 1, 1, 0.6f, 0.6f, 0.6f};
        Generators gen = Generators.start(PointCloud.of(p), 4);
        assertThat(gen.count()).isBetween(8, 24);
        assertThat(gen.cell()).isCloseTo(2 / Math.sqrt(3) / 4, within(1e-12));
        float[] g = gen.generators();
        for (int i = 0; i < g.length; i++) {
            assertThat((double) g[i]).isBetween(gen.lo()[i % 3] - 1e-6, gen.hi()[i % 3] + 1e-6);
        }
        double[] c = gen.corners();
        for (int k = 0; k < 24; k++) {
            assertThat(Math.abs(c[k])).isGreaterThan(Math.abs(gen.hi()[k % 3]));
        }
        // the frame has the box's diagonal 2
        assertThat(gen.points()[3]).isCloseTo((float) (1 / Math.sqrt(3)), within(1e-6f));
    }
}
