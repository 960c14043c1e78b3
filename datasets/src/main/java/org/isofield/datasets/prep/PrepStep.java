package org.isofield.datasets.prep;

import java.util.Map;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Scalars;

/** One cloud-preparation step, bound to its config. Implementations are immutable and thread-safe. */
public interface PrepStep {
    /**
     * What a step made of a cloud.
     *
     * @param cloud the cloud after the step (attributes kept: normals, colours, scalars)
     * @param details snake_case entries for the report (thresholds the step computed)
     */
    record Result(PointCloud cloud, Map<String, Object> details) {
    }

    /** Applies the step. An empty input gives an empty output. */
    Result apply(PointCloud cloud);

    /** The points with {@code keep[i]} set, attributes carried, order kept. */
    static PointCloud select(PointCloud cloud, boolean[] keep) {
        int m = 0;
        for (boolean k : keep) {
            m += k ? 1 : 0;
        }
        float[] p = new float[3 * m];
        float[] n = cloud.hasNormals() ? new float[3 * m] : null;
        float[] c = cloud.hasColors() ? new float[3 * m] : null;
        int[] index = new int[m];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                index[j] = i;
                System.arraycopy(cloud.positions(), 3 * i, p, 3 * j, 3);
                if (n != null) {
                    System.arraycopy(cloud.normals(), 3 * i, n, 3 * j, 3);
                }
                if (c != null) {
                    System.arraycopy(cloud.colors(), 3 * i, c, 3 * j, 3);
                }
                j++;
            }
        }
        return PointCloud.of(p, n, c, cloud.origin()).withScalars(Scalars.select(cloud.scalars(), index, m));
    }
}
