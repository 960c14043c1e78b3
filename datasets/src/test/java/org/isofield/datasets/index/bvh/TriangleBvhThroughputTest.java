package org.isofield.datasets.index.bvh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.Torus;
import org.isofield.datasets.testing.RandomMeshes;
import org.isofield.datasets.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the batch queries on ~70k-triangle meshes with 2^20 queries uniform in the bounds grown by 10%;
 * prints queries/s. Run: {@code mvn -B -o -q -pl datasets test -Pslow -Dtest=TriangleBvhThroughputTest}.
 */
@Tag("slow")
class TriangleBvhThroughputTest {
    private static final int QUERIES = 1 << 20;

    @Test
    void torus70k() {
        run("torus", new Torus(0.3, 0.12).toMesh(132));
    }

    @Test
    void nefertiti70k() throws IOException {
        run("nefertiti-lowres", readObj(SharedData.mesh("nefertiti-lowres.obj")));
    }

    private static void run(String name, TriangleMesh mesh) {
        TriangleBvh bvh = TriangleBvh.build(mesh); // first build includes JIT warm-up
        long t0 = System.nanoTime();
        bvh = TriangleBvh.build(mesh);
        double build = seconds(t0);
        Aabb b = mesh.bounds();
        double pad = 0.1 * b.longestSide();
        float[] unit = RandomMeshes.points(42, QUERIES, 0, 1);
        float[] q = new float[unit.length];
        for (int i = 0; i < q.length; i += 3) {
            q[i] = (float) (b.minX() - pad + unit[i] * (b.sizeX() + 2 * pad));
            q[i + 1] = (float) (b.minY() - pad + unit[i + 1] * (b.sizeY() + 2 * pad));
            q[i + 2] = (float) (b.minZ() - pad + unit[i + 2] * (b.sizeZ() + 2 * pad));
        }
        float[] out = new float[QUERIES];
        float[] warm = Arrays.copyOf(q, 3 * 65536);
        float[] warmOut = new float[65536];
        for (int rep = 0; rep < 3; rep++) {
            bvh.closestPoints(warm, Vec3d.ZERO, warmOut, null, null, null);
            bvh.windingNumbers(warm, Vec3d.ZERO, TriangleBvh.DEFAULT_BETA, warmOut);
            bvh.signedDistances(warm, Vec3d.ZERO, TriangleBvh.DEFAULT_BETA, warmOut);
        }
        t0 = System.nanoTime();
        bvh.closestPoints(q, Vec3d.ZERO, out, null, null, null);
        double closest = seconds(t0);
        t0 = System.nanoTime();
        bvh.windingNumbers(q, Vec3d.ZERO, TriangleBvh.DEFAULT_BETA, out);
        double winding = seconds(t0);
        t0 = System.nanoTime();
        bvh.signedDistances(q, Vec3d.ZERO, TriangleBvh.DEFAULT_BETA, out);
        double signed = seconds(t0);
        double maxErr = 0;
        double sumErr = 0;
        int samples = 2000;
        for (int i = 0; i < samples; i++) {
            double x = q[3 * i], y = q[3 * i + 1], z = q[3 * i + 2];
            double e = Math.abs(bvh.windingNumber(x, y, z) - bvh.exactWindingNumber(x, y, z));
            maxErr = Math.max(maxErr, e);
            sumErr += e;
        }
        System.out.printf("%s: %d triangles, %d nodes, depth %d, build %.3f s, %d threads%n", name,
                bvh.triangleCount(), bvh.nodeCount(), bvh.depth(), build, Parallel.threads());
        System.out.printf("  closest point  %.3f Mq/s%n  winding number %.3f Mq/s (beta 2; |w - exact| max %.2e mean "
                + "%.2e)%n"
                        + "  signed dist.   %.3f Mq/s%n", QUERIES / closest * 1e-6, QUERIES / winding * 1e-6, maxErr,
                sumErr / samples, QUERIES / signed * 1e-6);
        assertThat(maxErr).isLessThan(0.01);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** Minimal OBJ reading for this benchmark: {@code v} and triangular {@code f} lines only. */
    static TriangleMesh readObj(Path path) throws IOException {
        float[] v = new float[3 * 1024];
        int[] f = new int[3 * 1024];
        int nv = 0;
        int nf = 0;
        for (String line : Files.readAllLines(path)) {
            String[] p = line.trim().split("\\s+");
            if (p[0].equals("v")) {
                if (nv + 3 > v.length) {
                    v = Arrays.copyOf(v, 2 * v.length);
                }
                for (int k = 1; k <= 3; k++) {
                    v[nv++] = Float.parseFloat(p[k]);
                }
            } else if (p[0].equals("f")) {
                if (nf + 3 > f.length) {
                    f = Arrays.copyOf(f, 2 * f.length);
                }
                for (int k = 1; k <= 3; k++) {
                    f[nf++] = Integer.parseInt(p[k].split("/")[0]) - 1;
                }
            }
        }
        return TriangleMesh.of(Arrays.copyOf(v, nv), Arrays.copyOf(f, nf));
    }
}
