package org.isofield.reconstruction.gridpull;

import java.util.List;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.core.config.NumberOrAuto;
import org.isofield.reconstruction.ReconstructorConfig;
import org.isofield.reconstruction.gridpull.sign.SignRepairConfig;

/**
 * Settings of {@link GridPull} (otype {@code "GridPull"}). Lengths are in grid cells unless said otherwise.
 *
 * <p>Derive a changed config with {@link org.isofield.core.config.Configs#with}, e.g.
 * {@code Configs.with(GridPullConfig.DEFAULT, "steps", 60)}.
 *
 * @param gridResolution cells of the distance grid across the longest side of the cloud's bounding box, or auto:
 *     {@value GridPull#AUTO_CELLS_PER_SPACING} cells per median distance to the 8th nearest neighbour, rounded up to
 *     a multiple of 8 and kept in [{@value GridPull#AUTO_MIN}, {@value GridPull#AUTO_MAX}]
 * @param resolution marching-cubes cells across the longest side, or auto (the grid resolution)
 * @param bandWidth half width of the optimised band around the points, 1 to 16 cells; storage rounds it up to whole
 *     8^3 bricks
 * @param steps optimisation steps, 0 to 100000 (0 keeps the initial field)
 * @param batchSize queries per step, 1 to 10^7
 * @param queriesPerPoint size of the precomputed query pool per input point, 1 to 64 (the pool holds at most
 *     {@value GridPull#MAX_POOL} queries)
 * @param sigmaScale query noise as a multiple of each point's distance to its 8th nearest neighbour, above 0 to 4
 * @param learningRate initial Adam step in cells, above 0 to 10
 * @param decay factor applied to the learning rate every {@code decaySteps} steps, above 0 to 1
 * @param decaySteps steps between decays, 1 or more
 * @param pullWeight weight of the pulling loss, 0 or more
 * @param surfaceWeight weight of the surface loss f(t)^2 at the targets, 0 or more
 * @param smoothWeight weight of the band's continuity loss, 0 or more, or {@code "auto"} (default): 0.2 for clean
 *     clouds, 1 for noisy ones, from {@link NoiseEstimate#autoSmoothWeight}
 * @param gradientWeight weight of the gradient-consistency loss, 0 or more
 * @param orientedInit whether the samples near the points start from oriented tangent planes ({@link OrientedInit}),
 *     which keeps parts thinner than the near distance, instead of only the relaxed ramp of {@link BandBuilder}
 * @param minPieceFraction pieces with fewer faces than this fraction of the largest piece are removed, 0 to 1
 * @param seed seed of the query noise and order; the same seed gives the same mesh for any thread count
 * @param surface {@code "auto"} (default), {@code "closed"} or {@code "open"}; see {@link Surface}. Auto picks
 *     closed when the flood fill finds an inside region of real size, else open (single range scans, scenes),
 *     except on noisy clouds ({@link NoiseEstimate} thickness of {@value NoiseEstimate#NOISY_ABOVE} or more), whose
 *     rim test is unreliable: there it stays closed, and a noisy open scan needs {@code surface: open}
 * @param trimDistance open surfaces only: faces with a vertex farther than this many mean point spacings from the
 *     nearest input point are removed; the mean point spacing is the mean distance from each input point to its
 *     nearest other point (world units, reported as {@code mean_spacing}). Above 0 to 1000, default 3
 * @param viewpoint open surfaces only: where the sensor was, in input coordinates ({@code [x, y, z]}); normals
 *     of each connected part of the cloud are turned to face it. Empty (default): each part's normals are turned
 *     to point away from the cloud's centroid. Only the facing of the output changes, not its shape. For a
 *     camera-frame scan (a depth or stereo frame) the sensor is at {@code [0, 0, 0]}
 * @param bendingWeight weight of the band's bending loss, the mean squared discrete Laplacian of the active samples,
 *     0 or more; unlike the continuity loss it costs nothing on a plane's distance field, so it smooths noise
 *     without shrinking the surface (3 by default: noisy bunny Chamfer 0.00355 -> 0.00303, clean unchanged; see
 *     docs/decisions/gridpull-design.md)
 * @param signRepair the check of the flood fill's sign against the points' winding number and its repair
 *     ({@link SignRepairConfig}: an {@code enabled} switch and the thresholds, each with its measured default)
 * @param outlierRadius points with fewer than {@value #OUTLIER_NEIGHBORS} others within this many median point
 *     spacings (median distance to the nearest other point) are removed before anything else, as stray returns and
 *     uniform clutter (0 turns it off; 0 to 1000, default 10). Relative to the median so it fits any units; 10 keeps
 *     real surface sampled 10x more sparsely than the median (a density falling 10x across a scan, the far end of a
 *     depth frame) while removing points that have no surface around them; see docs/decisions/cloud-prep.md
 * @param minPiecePoints open surfaces only: a piece that is the nearest surface of at least this many input points
 *     is kept whatever {@code min_piece_fraction} says (0 turns it off; default 20). A sparse part of a scan can come
 *     out as a sheet of its own, far smaller than the main one; 20 points is several times the largest cluster of
 *     stray stereo returns measured on the mug scene (13) and a fifth of the smallest real piece of bun000 (106);
 *     see docs/decisions/density-adaptive-open-surfaces.md
 */
public record GridPullConfig(NumberOrAuto gridResolution, NumberOrAuto resolution, int bandWidth, int steps,
        int batchSize,
        int queriesPerPoint, double sigmaScale, double learningRate, double decay, int decaySteps, double pullWeight,
        double surfaceWeight, NumberOrAuto smoothWeight, double gradientWeight, boolean orientedInit,
        double minPieceFraction,
        long seed, Surface surface, double trimDistance, List<Double> viewpoint, double bendingWeight,
        SignRepairConfig signRepair, double outlierRadius, int minPiecePoints)
        implements ReconstructorConfig {
    /** The defaults; see the class comment and docs/decisions/gridpull-design.md for how they were chosen. */
    public static final GridPullConfig DEFAULT = new GridPullConfig(NumberOrAuto.AUTO, NumberOrAuto.AUTO, 3, 400,
            20_000, 8, 0.5, 0.05, 0.5, 100, 1.0, 1.0, NumberOrAuto.AUTO, 0.005, true, 0.01, 0L, Surface.AUTO, 3.0,
            List.of(),
            3.0, SignRepairConfig.DEFAULT, 10.0, 20);

    /** Neighbours a point needs within {@code outlier_radius} median spacings to be kept. */
    public static final int OUTLIER_NEIGHBORS = 4;

    /** Smallest explicit {@code grid_resolution} and {@code resolution}. */
    public static final int MIN_RESOLUTION = 8;
    /** Largest explicit {@code grid_resolution} and {@code resolution}. */
    public static final int MAX_RESOLUTION = 2048;

    public GridPullConfig {
        NumberOrAuto.checkWhole("grid_resolution", gridResolution, MIN_RESOLUTION, MAX_RESOLUTION);
        NumberOrAuto.checkWhole("resolution", resolution, MIN_RESOLUTION, MAX_RESOLUTION);
        Check.configRange("band_width", bandWidth, 1, 16);
        Check.configRange("steps", steps, 0, 100_000);
        Check.configRange("batch_size", batchSize, 1, 10_000_000);
        Check.configRange("queries_per_point", queriesPerPoint, 1, 64);
        Check.configRange("sigma_scale", sigmaScale, 1e-6, 4.0);
        Check.configRange("learning_rate", learningRate, 1e-9, 10.0);
        Check.configRange("decay", decay, 1e-6, 1.0);
        Check.configRange("decay_steps", decaySteps, 1, Integer.MAX_VALUE);
        Check.configRange("pull_weight", pullWeight, 0.0, 1e6);
        Check.configRange("surface_weight", surfaceWeight, 0.0, 1e6);
        NumberOrAuto.checkRange("smooth_weight", smoothWeight, 0.0, 1e6);
        Check.configRange("gradient_weight", gradientWeight, 0.0, 1e6);
        Check.configRange("min_piece_fraction", minPieceFraction, 0.0, 1.0);
        if (surface == null) {
            throw new ConfigException("surface", "missing; expected \"auto\", \"closed\" or \"open\"");
        }
        Check.configRange("trim_distance", trimDistance, 1e-6, 1000.0);
        if (viewpoint == null || (viewpoint.size() != 0 && viewpoint.size() != 3)) {
            throw new ConfigException("viewpoint", "found " + viewpoint + "; expected [] (none) or [x, y, z]");
        }
        for (Double v : viewpoint) {
            if (v == null || !Double.isFinite(v)) {
                throw new ConfigException("viewpoint", "found " + viewpoint + "; expected three finite numbers");
            }
        }
        viewpoint = List.copyOf(viewpoint);
        Check.configRange("bending_weight", bendingWeight, 0.0, 1e6);
        Check.configRange("outlier_radius", outlierRadius, 0.0, 1000.0);
        Check.configRange("min_piece_points", minPiecePoints, 0, Integer.MAX_VALUE);
        if (signRepair == null) {
            throw new ConfigException("sign_repair", "missing; expected an object such as {\"enabled\": true}");
        }
    }

    @Override
    public String otype() {
        return "GridPull";
    }
}
