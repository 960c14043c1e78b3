package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The figure of docs/decisions/mesh-cleanup.md: a sphere of about 1M faces decimated to 100k, timed (printed, not
 * asserted). Run with {@code -Pslow -Dtest=QemDecimationSpeedTest}.
 */
@Tag("slow")
class QemDecimationSpeedTest {
    @Test
    void millionFacesToHundredThousand() {
        int probe = Shapes.byName("sphere").toMesh(60).faceCount();
        int resolution = (int) Math.round(60 * Math.sqrt(1_000_000.0 / probe));
        TriangleMesh mesh = Shapes.byName("sphere").toMesh(resolution);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < 3; run++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            TriangleMesh out = QemDecimation.toFaces(mesh, 100_000);
            double s = (System.nanoTime() - t0) * 1e-9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) * 1e-9;
            System.out.printf(Locale.ROOT, "QEM %d -> %d faces: %.2f s wall, %.2f s CPU of this thread (run %d, %d "
                    + "processors)%n", mesh.faceCount(), out.faceCount(), s, cpu, run + 1,
                    Runtime.getRuntime().availableProcessors());
            assertThat(MeshChecks.check(out).watertight()).isTrue();
        }
    }
}
