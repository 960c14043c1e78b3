package org.isofield.datasets.prep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.IsofieldException;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Scalars;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.index.kdtree.Spacings;

/**
 * Voxel-grid downsampling: the cloud's box is cut into cubes of {@code voxel_size}, and the points of each occupied
 * cube become one point at their mean, with the mean of their colours and the normalised mean of their normals (zero
 * where they cancel). The output is ordered by cube (x fastest), so it is the same for any thread count. Cubes are
 * keyed by 21 bits an axis: a box more than 2^21 cubes across is an error that names the smallest voxel size
 * allowed.
 */
public final class VoxelDownsample implements PrepStep {
    private static final int BITS = 21;
    private static final long CELLS = 1L << BITS;
    private static final int GRAIN = 1 << 16;

    private final VoxelDownsampleConfig config;

    public VoxelDownsample(VoxelDownsampleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Result apply(PointCloud cloud) {
        int n = cloud.size();
        Map<String, Object> details = new LinkedHashMap<>();
        if (n == 0) {
            return new Result(cloud, details);
        }
        double size = config.voxelSize();
        if (size == 0) {
            size = n < 2 ? 1.0 : VoxelDownsampleConfig.SPACINGS * Spacings.median(KdTree.build(cloud),
                    cloud.positions());
            if (!(size > 0)) {
                details.put("skipped", "the points all coincide; a voxel size from their spacing would be 0");
                return new Result(cloud, details);
            }
        }
        details.put("voxel_size", size);
        Aabb box = cloud.bounds();
        double longest = box.longestSide();
        if (longest / size >= CELLS - 1) {
            throw new IsofieldException("voxel downsampling: voxel_size " + size + " makes the box (longest side "
                    + longest + ") " + (long) Math.ceil(longest / size) + " voxels across; expected fewer than "
                    + (CELLS - 1) + " (voxel_size at least " + longest / (CELLS - 2) + ")");
        }
        float[] p = cloud.positions();
        // the box in the cloud's stored frame (positions are relative to its origin)
        double lx = box.minX() - cloud.origin().x();
        double ly = box.minY() - cloud.origin().y();
        double lz = box.minZ() - cloud.origin().z();
        double inv = 1 / size;
        long[] keys = new long[n];
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                keys[i] = cell(p[3 * i] - lx, inv) << (2 * BITS) | cell(p[3 * i + 1] - ly, inv) << BITS
                        | cell(p[3 * i + 2] - lz, inv);
            }
        });
        long[] cells = keys.clone();
        Arrays.parallelSort(cells);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || cells[i] != cells[m - 1]) {
                cells[m++] = cells[i];
            }
        }
        int voxels = m;
        int[] voxel = new int[n];
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                voxel[i] = Arrays.binarySearch(cells, 0, voxels, keys[i]);
            }
        });
        return new Result(average(cloud, voxel, voxels), details);
    }

    private static long cell(double v, double inv) {
        return Math.min(CELLS - 1, Math.max(0, (long) Math.floor(v * inv)));
    }

    /** One point per voxel: the mean of its points' positions, colours and scalars, the unit mean of their normals. */
    private static PointCloud average(PointCloud cloud, int[] voxel, int voxels) {
        int n = voxel.length;
        double[] sum = new double[3 * voxels];
        double[] nsum = cloud.hasNormals() ? new double[3 * voxels] : null;
        double[] csum = cloud.hasColors() ? new double[3 * voxels] : null;
        int[] count = new int[voxels];
        float[] p = cloud.positions();
        for (int i = 0; i < n; i++) {
            int v = voxel[i];
            count[v]++;
            for (int a = 0; a < 3; a++) {
                sum[3 * v + a] += p[3 * i + a];
                if (nsum != null) {
                    nsum[3 * v + a] += cloud.normals()[3 * i + a];
                }
                if (csum != null) {
                    csum[3 * v + a] += cloud.colors()[3 * i + a];
                }
            }
        }
        float[] out = new float[3 * voxels];
        float[] normals = nsum == null ? null : new float[3 * voxels];
        float[] colors = csum == null ? null : new float[3 * voxels];
        for (int v = 0; v < voxels; v++) {
            for (int a = 0; a < 3; a++) {
                out[3 * v + a] = (float) (sum[3 * v + a] / count[v]);
                if (colors != null) {
                    colors[3 * v + a] = (float) (csum[3 * v + a] / count[v]);
                }
            }
            if (normals != null) {
                double x = nsum[3 * v], y = nsum[3 * v + 1], z = nsum[3 * v + 2];
                double len = Math.sqrt(x * x + y * y + z * z);
                if (len > 1e-12) {
                    normals[3 * v] = (float) (x / len);
                    normals[3 * v + 1] = (float) (y / len);
                    normals[3 * v + 2] = (float) (z / len);
                }
            }
        }
        return PointCloud.of(out, normals, colors, cloud.origin())
                .withScalars(Scalars.average(cloud.scalars(), voxel, voxels));
    }
}
