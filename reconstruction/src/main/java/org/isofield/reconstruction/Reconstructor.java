package org.isofield.reconstruction;

import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * A method that turns a point cloud (positions only; normals are not needed) into a triangle mesh: closed, or an
 * open sheet where the method finds the cloud open (GridPull's {@code surface}). Implementations are configured by a
 * {@link ReconstructorConfig} record, registered in {@link Reconstructors}, and
 * are immutable and thread-safe; heavy loops run on {@link org.isofield.core.Parallel}.
 */
public interface Reconstructor {
    /** The config this instance runs with. */
    ReconstructorConfig config();

    /**
     * Reconstructs a surface, reporting named phases to {@code progress}.
     *
     * @throws InvalidCloudException when the cloud cannot be reconstructed (too few points, degenerate, non-finite)
     * @throws org.isofield.core.CancelledException if {@code progress} asks to stop
     * @throws org.isofield.core.NumericalException if the optimisation diverges
     */
    Reconstruction run(PointCloud cloud, Progress progress);

    /** The mesh of {@link #run}. */
    default TriangleMesh reconstruct(PointCloud cloud, Progress progress) {
        return run(cloud, progress).mesh();
    }
}
