package org.isofield.reconstruction.gridpull;

import java.util.Arrays;
import java.util.Locale;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.reconstruction.Spacing;

/**
 * GridPull's first two stages: the cloud in a unit frame with its point spacing ({@link #of}, phase
 * {@code gridpull.spacing}), and the lattice it is optimised on ({@link #lattice}, phase {@code gridpull.lattice}):
 * the grid resolution, the points in lattice coordinates, how noisy they are and what that makes the continuity
 * weight.
 *
 * @param cloud the checked cloud
 * @param longest the longest side of its bounding box (world units)
 * @param center the centre of its bounding box (world)
 * @param unit the points divided by {@code longest} around {@code center}, {@code 3N}
 * @param unitSpacing each point's distance to its {@value GridPull#SPACING_NEIGHBOURS}th nearest neighbour in the
 *     unit frame, and the mean nearest-neighbour distance
 * @param median the median of those distances (at least 1e-7)
 */
record CloudFrame(PointCloud cloud, double longest, Vec3d center, float[] unit, Spacing unitSpacing, double median) {
    private static final System.Logger LOG = System.getLogger(GridPull.class.getName());

    static CloudFrame of(PointCloud cloud) {
        int n = cloud.size();
        Aabb box = cloud.bounds();
        double longest = box.longestSide();
        Vec3d center = box.center();
        float[] p = cloud.positions();
        Vec3d shift = cloud.origin().minus(center);
        float[] unit = new float[3 * n];
        for (int i = 0; i < n; i++) {
            unit[3 * i] = (float) ((shift.x() + p[3 * i]) / longest);
            unit[3 * i + 1] = (float) ((shift.y() + p[3 * i + 1]) / longest);
            unit[3 * i + 2] = (float) ((shift.z() + p[3 * i + 2]) / longest);
        }
        Spacing spacing = Spacing.of(unit, KdTree.build(unit), GridPull.SPACING_NEIGHBOURS);
        float[] sorted = spacing.kth().clone();
        Arrays.sort(sorted);
        double median = Math.max(sorted[n / 2], 1e-7f);
        return new CloudFrame(cloud, longest, center, unit, spacing, median);
    }

    /** Each point's {@value GridPull#SPACING_NEIGHBOURS}th-neighbour distance in the unit frame. */
    float[] spacing() {
        return unitSpacing.kth();
    }

    /**
     * The lattice: {@code cells} across the longest side (auto: {@link AutoResolution}), {@code samples} per axis
     * with a free margin, the points in lattice coordinates with their KD-tree, the noise estimate and the
     * continuity weight it gives.
     *
     * @param auto the auto resolution's choice, or null for an explicit one
     */
    record Lattice(int cells, int samples, double half, float[] points, KdTree tree, double thickness,
            double smoothWeight, double spacingCells, double nearDistance, int poolSize, AutoResolution.Choice auto) {
    }

    Lattice lattice(GridPullConfig config) {
        int n = cloud.size();
        int poolSize = (int) Math.min(GridPull.MAX_POOL, (long) n * config.queriesPerPoint());
        int cells;
        AutoResolution.Choice choice = null;
        if (config.gridResolution().isAuto()) {
            choice = AutoResolution.choose(unit, median, config.bandWidth(), config.resolution().orElse(0), poolSize,
                    Runtime.getRuntime().maxMemory());
            cells = choice.cells();
            LOG.log(choice.limit().equals("none") ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    AutoResolution.describe(choice));
        } else {
            cells = config.gridResolution().orElse(0);
            AutoResolution.checkExplicit(unit, median, cells, config.bandWidth(), config.resolution().orElse(0),
                    poolSize, Runtime.getRuntime().maxMemory());
        }
        int samples = GridPull.samplesPerAxis(cells, config.bandWidth());
        double half = (samples - 1) / 2.0;
        float[] lattice = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            lattice[i] = (float) (half + unit[i] * cells);
        }
        KdTree tree = KdTree.build(lattice);
        double thickness = NoiseEstimate.thickness(lattice, tree);
        double smoothWeight = config.smoothWeight().isAuto() ? NoiseEstimate.autoSmoothWeight(thickness)
                : config.smoothWeight().value();
        double spacingCells = median * cells;
        return new Lattice(cells, samples, half, lattice, tree, thickness, smoothWeight, spacingCells,
                spacingCells + GridPull.NEAR_OFFSET, poolSize, choice);
    }

    /** The viewpoint of an open scan in lattice coordinates, or null when the config gives none. */
    double[] latticeViewpoint(GridPullConfig config, Lattice lattice) {
        if (config.viewpoint().isEmpty()) {
            return null;
        }
        double[] view = new double[3];
        double[] c = {center.x(), center.y(), center.z()};
        for (int a = 0; a < 3; a++) {
            view[a] = lattice.half() + (config.viewpoint().get(a) - c[a]) / longest * lattice.cells();
        }
        return view;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CloudFrame[%d points, longest side %g]", cloud.size(), longest);
    }
}
