package org.isofield.datasets.normals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.isofield.datasets.index.kdtree.KdTree;
import org.junit.jupiter.api.Test;

class MstOrientationTest {
    /** {@code n} points on a sphere of radius {@code r} around {@code (cx, 0, 0)}. */
    static float[] sphere(int n, double r, double cx, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double z = 2 * rnd.nextDouble() - 1;
            double phi = 2 * Math.PI * rnd.nextDouble();
            double s = Math.sqrt(1 - z * z);
            p[3 * i] = (float) (cx + r * s * Math.cos(phi));
            p[3 * i + 1] = (float) (r * s * Math.sin(phi));
            p[3 * i + 2] = (float) (r * z);
        }
        return p;
    }

    static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void twoSpheresComeOutOutwardEachAsItsOwnPart() {
        float[] p = concat(sphere(1500, 10, 0, 1L), sphere(800, 5, 40, 2L));
        KdTree tree = KdTree.build(p);
        float[] n = PcaNormals.estimate(p, tree);
        MstOrientation.Oriented o = MstOrientation.orient(p, n, tree, null);
        assertThat(o.parts()).isEqualTo(2);
        for (int i = 0; i < p.length / 3; i++) {
            double cx = i < 1500 ? 0 : 40;
            double dot = (p[3 * i] - cx) * n[3 * i] + p[3 * i + 1] * n[3 * i + 1] + p[3 * i + 2] * n[3 * i + 2];
            assertThat(dot).as("point %d", i).isPositive();
        }
    }

    @Test
    void aNoisyPlaneFacesTheViewpoint() {
        SplittableRandom rnd = new SplittableRandom(5L);
        int m = 2000;
        float[] p = new float[3 * m];
        for (int i = 0; i < m; i++) {
            p[3 * i] = (float) (20 * rnd.nextDouble());
            p[3 * i + 1] = (float) (20 * rnd.nextDouble());
            p[3 * i + 2] = (float) (0.05 * (rnd.nextDouble() - 0.5));
        }
        KdTree tree = KdTree.build(p);
        for (double side : new double[] {-30, 30}) {
            float[] n = PcaNormals.estimate(p, tree);
            MstOrientation.orient(p, n, tree, new double[] {10, 10, side});
            for (int i = 0; i < m; i++) {
                assertThat(n[3 * i + 2] * side).as("point %d", i).isPositive();
            }
        }
    }

    @Test
    void frontierPopsInCostThenIndexOrderAndKeepsTheCheapestEdge() {
        MstOrientation.FrontierHeap h = new MstOrientation.FrontierHeap(6);
        double[] costs = {0.5, 0.1, 0.5, 0.0, 0.9, 0.1};
        for (int i = 0; i < costs.length; i++) {
            h.offer(costs[i], i, 7);
        }
        h.offer(0.05, 4, 9); // a cheaper edge moves point 4 up, with its new parent
        h.offer(0.05, 4, 8); // same cost, smaller parent: kept
        h.offer(0.3, 3, 1); // dearer: ignored
        int[] order = new int[costs.length];
        for (int i = 0; i < costs.length; i++) {
            order[i] = h.top();
            if (order[i] == 4) {
                assertThat(h.parentOf(4)).isEqualTo(8);
            }
            h.pop();
        }
        assertThat(order).containsExactly(3, 4, 1, 5, 0, 2);
        assertThat(h.size()).isZero();
    }

    /** The frontier heap against the lazy Prim it replaced: the same tree, so the same normals, bit for bit. */
    @Test
    void orientationEqualsTheLazyPrimReferenceBitwise() {
        SplittableRandom rnd = new SplittableRandom(21);
        int n = 6000;
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            // two noisy spheres, so the graph has parts, ties and crossings
            double z = 2 * rnd.nextDouble() - 1;
            double phi = 2 * Math.PI * rnd.nextDouble();
            double s = Math.sqrt(1 - z * z);
            double r = (i % 2 == 0 ? 1.0 : 0.45) * (1 + 0.02 * rnd.nextGaussian());
            p[3 * i] = (float) (r * s * Math.cos(phi) + (i % 3 == 0 ? 3 : 0));
            p[3 * i + 1] = (float) (r * s * Math.sin(phi));
            p[3 * i + 2] = (float) (r * z);
        }
        KdTree tree = KdTree.build(p);
        float[] unoriented = PcaNormals.estimate(p, tree);
        for (double[] viewpoint : new double[][] {null, {0, 0, 9}}) {
            float[] a = unoriented.clone();
            float[] b = unoriented.clone();
            MstOrientation.Oriented fast = MstOrientation.orient(p, a, tree, viewpoint);
            MstOrientation.Oriented reference = LazyPrimReference.orient(p, b, tree, viewpoint);
            assertThat(a).isEqualTo(b);
            assertThat(fast.parts()).isEqualTo(reference.parts()).isGreaterThan(1);
            assertThat(fast.partOf()).isEqualTo(reference.partOf());
        }
    }
}
