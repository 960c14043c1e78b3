package org.isofield.reconstruction;

import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Static entry points of reconstruction: {@code TriangleMesh mesh = Reconstruct.mesh(cloud);} runs the default method
 * ({@link Reconstructors#AUTO}) with its default config. For settings and progress, build an instance:
 * {@code Reconstructors.create(config).run(cloud, progress)}.
 */
public final class Reconstruct {
    private Reconstruct() {
    }

    /** A closed, outward-oriented mesh of the surface the points sample, by the default method and config. */
    public static TriangleMesh mesh(PointCloud cloud) {
        return run(cloud, Reconstructors.registry().defaults(Reconstructors.AUTO), Progress.NONE).mesh();
    }

    /** Runs the method of {@code config} on the cloud. */
    public static Reconstruction run(PointCloud cloud, ReconstructorConfig config, Progress progress) {
        return Reconstructors.create(config).run(cloud, progress);
    }
}
