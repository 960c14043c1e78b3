package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

/** Taubin smoothing on a noisy sphere: the noise goes, the radius stays (unlike Laplacian smoothing). */
class TaubinSmoothingTest {
    private static final double RADIUS = 0.4;

    /** The sphere with every vertex moved along its radius by up to 2% of the radius, uniformly. */
    private static TriangleMesh noisySphere() {
        TriangleMesh m = Shapes.byName("sphere").toMesh(40);
        float[] v = m.vertices().clone();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < v.length; i += 3) {
            double s = 1 + random.nextDouble(-0.02, 0.02);
            v[i] *= (float) s;
            v[i + 1] *= (float) s;
            v[i + 2] *= (float) s;
        }
        return TriangleMesh.of(v, m.faces());
    }

    /** {mean radius, RMS deviation from the mean radius}. */
    private static double[] radii(TriangleMesh m) {
        float[] v = m.vertices();
        int n = v.length / 3;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < v.length; i += 3) {
            double r = Math.sqrt(v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]);
            sum += r;
            sum2 += r * r;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sum2 / n - mean * mean))};
    }

    @Test
    void removesNoiseWithoutShrinkingTheSphere() {
        TriangleMesh noisy = noisySphere();
        double[] before = radii(noisy);
        TriangleMesh smooth = TaubinSmoothing.smooth(noisy);
        double[] after = radii(smooth);
        assertThat(after[1]).as("radial noise").isLessThan(before[1] / 2);
        assertThat(Math.abs(after[0] - RADIUS)).as("radius change").isLessThan(0.01 * RADIUS);
        assertThat(smooth.faces()).isSameAs(noisy.faces());
        // Laplacian smoothing (mu as small as allowed) with as many steps shrinks it more than Taubin's
        TriangleMesh laplacian = new TaubinSmoothing(new TaubinConfig(20, 0.5, -0.500001)).apply(noisy, null).mesh();
        assertThat(radii(laplacian)[0]).isLessThan(after[0]);
    }

    @Test
    void keepsBoundaryVerticesAndIsDeterministic() {
        TriangleMesh noisy = noisySphere();
        boolean[] keep = new boolean[noisy.faceCount()];
        float[] v = noisy.vertices();
        int[] f = noisy.faces();
        for (int t = 0; t < keep.length; t++) {
            keep[t] = v[3 * f[3 * t] + 2] < 0.2 && v[3 * f[3 * t + 1] + 2] < 0.2 && v[3 * f[3 * t + 2] + 2] < 0.2;
        }
        TriangleMesh open = CleanStep.select(noisy, keep);
        CleanStep.Result r = new TaubinSmoothing(TaubinConfig.DEFAULT).apply(open, null);
        MeshEdges edges = MeshEdges.of(open.vertexCount(), open.faces());
        int moved = 0;
        for (int i = 0; i < open.vertexCount(); i++) {
            boolean same = true;
            for (int a = 0; a < 3; a++) {
                same &= open.vertices()[3 * i + a] == r.mesh().vertices()[3 * i + a];
            }
            if (edges.boundary[i]) {
                assertThat(same).as("boundary vertex %d", i).isTrue();
            } else {
                moved += same ? 0 : 1;
            }
        }
        assertThat(moved).isPositive();
        assertThat((int) r.details().get("fixed_vertices")).isPositive();
        assertThat(new TaubinSmoothing(TaubinConfig.DEFAULT).apply(open, null).mesh().vertices())
                .containsExactly(r.mesh().vertices());
    }
}
