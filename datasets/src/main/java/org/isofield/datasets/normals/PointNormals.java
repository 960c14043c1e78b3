package org.isofield.datasets.normals;

import java.util.Objects;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * One call from a point cloud to oriented normals: {@link PcaNormals} of {@code neighbours}-point neighbourhoods,
 * oriented along a minimum spanning tree by {@link MstOrientation} (towards a viewpoint when given, else away from the
 * centroid, per connected part of the neighbour graph).
 */
public final class PointNormals {
    private PointNormals() {
    }

    /** The cloud with oriented normals of {@value PcaNormals#DEFAULT_NEIGHBOURS}-point neighbourhoods. */
    public static PointCloud estimate(PointCloud cloud) {
        return estimate(cloud, PcaNormals.DEFAULT_NEIGHBOURS, null);
    }

    /**
     * The cloud with oriented unit normals (replacing any it had).
     *
     * @param neighbours points per PCA neighbourhood, at least 3
     * @param viewpoint where the sensor was, in world coordinates, or null to face away from the centroid
     * @throws IllegalArgumentException for a cloud of fewer than 3 points
     */
    public static PointCloud estimate(PointCloud cloud, int neighbours, Vec3d viewpoint) {
        Objects.requireNonNull(cloud, "cloud");
        if (cloud.size() < 3) {
            throw new IllegalArgumentException("the cloud has " + cloud.size() + " points; expected at least 3 to "
                    + "estimate normals");
        }
        float[] p = cloud.positions();
        KdTree tree = KdTree.build(p);
        float[] normals = PcaNormals.estimate(p, tree, neighbours);
        double[] view = null;
        if (viewpoint != null) {
            Vec3d local = viewpoint.minus(cloud.origin());
            view = new double[] {local.x(), local.y(), local.z()};
        }
        MstOrientation.orient(p, normals, tree, view);
        return cloud.withNormals(normals);
    }
}
