package org.isofield.datasets.index.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.isofield.core.Parallel;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.Torus;
import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.api.Test;

class TriangleBvhBuildTest {

    @Test
    void emptyMeshIsAClearError() {
        assertThatThrownBy(() -> TriangleBvh.build(TriangleMesh.of(new float[] {0, 0, 0}, new int[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no faces")
                .hasMessageContaining("at least one triangle");
    }

    @Test
    void nonFiniteVertexIsAClearError() {
        float[] v = {0, 0, 0, 1, 0, 0, 0, Float.NaN, 0};
        assertThatThrownBy(() -> TriangleBvh.build(v, new int[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("face 0");
    }

    @Test
    void singleTriangleAnswersEveryQuery() {
        TriangleBvh bvh = TriangleBvh.build(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        assertThat(bvh.nodeCount()).isEqualTo(1);
        assertThat(bvh.distance(0.25, 0.25, 2)).isCloseTo(2.0, within(1e-12));
        assertThat(bvh.raycast(0.25, 0.25, 2, 0, 0, -1, 5)).hasValueSatisfying(h -> {
            assertThat(h.t()).isCloseTo(2.0, within(1e-12));
            assertThat(h.b1()).isCloseTo(0.25, within(1e-12));
        });
        // Seen from above (its front), a triangle has a negative solid angle.
        assertThat(bvh.windingNumber(0.25, 0.25, 1e-3)).isCloseTo(-0.5, within(0.01));
    }

    @Test
    void leavesHoldAtMostFourTrianglesAndCoverEveryTriangleOnce() {
        TriangleMesh mesh = RandomMeshes.soup(1, 20_000, 0.02);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        int[] seen = new int[mesh.faceCount()];
        for (int n = 0; n < bvh.nodeCount(); n++) {
            int left = bvh.nodes[4 * n + 2];
            if (left < 0) {
                assertThat(bvh.nodes[4 * n + 1]).isBetween(1, BvhBuilder.LEAF_SIZE);
                for (int k = bvh.nodes[4 * n]; k < bvh.nodes[4 * n] + bvh.nodes[4 * n + 1]; k++) {
                    seen[bvh.triIds[k]]++;
                }
            } else {
                assertThat(left).isGreaterThan(n);
                assertThat(bvh.nodes[4 * n + 3]).isGreaterThan(n);
                assertThat(bvh.nodes[4 * n + 1]).isEqualTo(bvh.nodes[4 * left + 1] + bvh.nodes[4 * bvh.nodes[4 * n + 3]
                        + 1]);
            }
        }
        assertThat(seen).containsOnly(1);
        assertThat(bvh.depth()).isLessThan(40);
    }

    @Test
    void identicalTrianglesStillGiveABalancedTree() {
        int n = 10_000;
        float[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        int[] f = new int[3 * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = i % 3;
        }
        TriangleBvh bvh = TriangleBvh.build(v, f);
        assertThat(bvh.depth()).isLessThanOrEqualTo(14);
        assertThat(bvh.distance(0, 0, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void treeDoesNotDependOnThreadCount() {
        TriangleMesh mesh = new Torus(0.3, 0.1).toMesh(120);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            TriangleBvh one = TriangleBvh.build(mesh);
            Parallel.setThreads(3);
            TriangleBvh three = TriangleBvh.build(mesh);
            assertThat(one.triangleCount()).isGreaterThan(2 * BvhBuilder.TASK_SIZE);
            assertThat(three.nodes).isEqualTo(one.nodes);
            assertThat(three.bounds).isEqualTo(one.bounds);
            assertThat(three.triIds).isEqualTo(one.triIds);
            assertThat(three.winding.balls).isEqualTo(one.winding.balls);
            assertThat(three.winding.coeffs).isEqualTo(one.winding.coeffs);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void reportsBounds() {
        TriangleBvh bvh = TriangleBvh.build(new Torus(0.3, 0.1).toMesh(10));
        assertThat(bvh.bounds().maxZ()).isCloseTo(0.1, within(1e-6));
        assertThat(bvh.toString()).contains("triangles");
    }
}
