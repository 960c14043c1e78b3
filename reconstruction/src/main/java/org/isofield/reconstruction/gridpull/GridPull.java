package org.isofield.reconstruction.gridpull;

import static org.isofield.core.ProgressMeter.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.index.kdtree.Spacings;
import org.isofield.datasets.normals.MstOrientation;
import org.isofield.datasets.prep.RadiusOutliers;
import org.isofield.datasets.prep.RadiusOutliersConfig;
import org.isofield.reconstruction.CloudChecks;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructor;
import org.isofield.reconstruction.gridpull.sign.WindingSign;
import org.isofield.reconstruction.mc.SparseMarchingCubes;

/**
 * GridPull (Chen, Liu, Han, ICCV 2023): a discrete signed distance grid optimised by pulling noisy queries onto
 * their nearest input points; no normals, no network.
 *
 * <p>Pipeline: check the cloud ({@link CloudChecks}) and remove its isolated points ({@code outlier_radius}); put it in
 * the middle of a cubic lattice with {@code grid_resolution} cells across its longest side and a free margin of {@code
 * band_width + 9} cells; store only 8^3 bricks within {@code band_width + 1} cells of a point and give them a
 * flood-filled sign ({@link BandBuilder}); check that sign against the points' winding number and repair a fill that
 * leaked through holes ({@link WindingSign}, the {@code sign_repair} block); start the field near the points from
 * tangent planes ({@link OrientedInit}); draw a pool of queries around the points with noise {@code sigma_scale} times
 * each point's distance to its 8th nearest neighbour ({@link QueryPool}); optimise ({@link GridPullTrainer}); extract
 * the zero set with {@link SparseMarchingCubes} seeded by the cells within 1.5 cells of the points; remove small
 * pieces. The mesh is in the input's frame, faces outward, with normals from the field gradient.
 *
 * <p>Open surfaces ({@code surface: open}, or {@code auto} when the flood fill finds no inside of real size and the
 * cloud has a rim, see {@link OpenSurface}): the sign comes from PCA normals oriented along a minimum spanning tree
 * ({@link MstOrientation}, facing {@code viewpoint} when given) instead of the flood fill; training is the same;
 * marching cubes runs only in the cells near the points ({@link SparseMarchingCubes#extractWithin}); faces with a
 * vertex farther than {@code trim_distance} mean point spacings from the points are removed ({@code Trim}); then
 * small pieces. The mesh is open (details: {@code surface}, {@code watertight}, {@code boundary_edges},
 * {@code mean_spacing}), faces towards the normals' side.
 *
 * <p>Auto resolution ({@link AutoResolution}): {@value #AUTO_CELLS_PER_SPACING} cells per median 8th-neighbour
 * distance, rounded up to a multiple of 8 within [{@value #AUTO_MIN}, {@value #AUTO_MAX}] (about 256 for 100k points
 * on a typical closed shape, 1280 on the sword, whose blade is 0.004 of the box thick), then lowered while the band
 * would hold more than 16M samples or its estimated peak heap would pass 60% of the JVM's maximum (details:
 * {@code grid_resolution_wanted}, {@code grid_resolution_limit}, {@code estimated_peak_heap_bytes}). Memory is about
 * 80 bytes per stored sample plus 64 per query and 200 per point. Instances are immutable and thread-safe.
 */
public final class GridPull implements Reconstructor {
    /** Cells per median distance to the 8th nearest neighbour, for {@code grid_resolution: auto}. */
    public static final double AUTO_CELLS_PER_SPACING = AutoResolution.CELLS_PER_SPACING;
    /** Smallest auto resolution. */
    public static final int AUTO_MIN = AutoResolution.MIN;
    /** Largest auto resolution (before the band and heap limits). */
    public static final int AUTO_MAX = AutoResolution.MAX;
    /** Most queries in the pool. */
    public static final int MAX_POOL = 4_000_000;
    static final int SPACING_NEIGHBOURS = 8;
    /**
     * Samples closer to a point than the median 8th-neighbour distance plus this many cells count as near the
     * surface when the initial sign is found ({@link BandBuilder}); 0.75 spacing + 1 let the outside leak into a
     * 3000-point torus through gaps of the random sampling.
     */
    static final double NEAR_OFFSET = 1.5;

    private final GridPullConfig config;

    public GridPull(GridPullConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Reconstructs with {@link GridPullConfig#DEFAULT}. */
    public static TriangleMesh reconstruct(PointCloud cloud) {
        return new GridPull(GridPullConfig.DEFAULT).reconstruct(cloud, Progress.NONE);
    }

    @Override
    public GridPullConfig config() {
        return config;
    }

    /**
     * The pipeline, one named stage after another, each timed as its own progress phase: the cloud's frame and
     * spacing, the lattice, the band with its flood-filled sign, the sign repair, the surface kind (closed or
     * open), the initial field, the query pool, the optimisation, marching cubes and the clean-up.
     */
    @Override
    public Reconstruction run(PointCloud input, Progress progress) {
        Map<String, Object> checks = new LinkedHashMap<>();
        PointCloud cloud = stage(progress, "gridpull.outliers",
                () -> withoutOutliers(CloudChecks.check(input, checks), config.outlierRadius(), checks));
        CloudFrame frame = stage(progress, "gridpull.spacing", () -> CloudFrame.of(cloud));
        CloudFrame.Lattice lattice = stage(progress, "gridpull.lattice", () -> frame.lattice(config));
        SignedBand.Flooded flooded = stage(progress, "gridpull.band", () -> SignedBand.band(lattice, config));
        SignedBand.Signed signed = stage(progress, "gridpull.sign",
                () -> SignedBand.sign(flooded, frame, lattice, config));
        SignedBand.Kind kind = stage(progress, "gridpull.surface",
                () -> SignedBand.surface(signed, flooded.pca(), lattice, config));
        int parts = stage(progress, "gridpull.init", () -> SignedBand.init(signed, kind, flooded.pca(), lattice,
                frame.latticeViewpoint(config, lattice), config));
        BandBuilder.Band band = signed.band();
        Queries queries = stage(progress, "gridpull.queries", () -> Queries.draw(band, signed.fillSlots(), frame,
                lattice, config));

        ProgressMeter optimize = ProgressMeter.of(progress, "gridpull.optimize", config.steps());
        GridPullTrainer.Losses losses = new GridPullTrainer(band.grid(), queries.active(), queries.pool(),
                Configs.with(config, "smooth_weight", lattice.smoothWeight())).train(optimize);
        optimize.done();

        MeshStages.Extracted extracted = MeshStages.extract(band.grid(), frame, lattice, kind.open(), config, progress);
        MeshStages.Cleaned cleaned = stage(progress, "gridpull.clean",
                () -> MeshStages.clean(extracted, frame, lattice, kind.open(), config));

        GridPullReport report = report(checks, lattice, band, queries, signed, kind, parts, losses, extracted, cleaned);
        return new Reconstruction(cleaned.mesh(), report.toMap(), GridPullFieldFiles.pack(band.grid(), lattice.cells(),
                frame.center(), frame.longest(), config.minPieceFraction()));
    }

    /**
     * The cloud without the points that have fewer than {@link GridPullConfig#OUTLIER_NEIGHBORS} others within
     * {@code spacings} median spacings ({@link RadiusOutliers}); records {@code outliers_removed} and
     * {@code outlier_radius} (world units) in {@code checks}. 0 spacings returns the cloud as it is.
     */
    static PointCloud withoutOutliers(PointCloud cloud, double spacings, Map<String, Object> checks) {
        if (spacings == 0) {
            checks.put("outliers_removed", 0);
            return cloud;
        }
        KdTree tree = KdTree.build(cloud);
        double radius = spacings * Spacings.median(tree, cloud.positions());
        PointCloud kept = new RadiusOutliers(new RadiusOutliersConfig(radius, GridPullConfig.OUTLIER_NEIGHBORS))
                .apply(cloud, tree).cloud();
        checks.put("outliers_removed", cloud.size() - kept.size());
        checks.put("outlier_radius", radius);
        return kept.size() == cloud.size() ? cloud : CloudChecks.check(kept).cloud();
    }

    /** Gathers the stages' records. */
    private GridPullReport report(Map<String, Object> checks, CloudFrame.Lattice lattice, BandBuilder.Band band,
            Queries queries, SignedBand.Signed signed, SignedBand.Kind kind, int parts, GridPullTrainer.Losses losses,
            MeshStages.Extracted extracted, MeshStages.Cleaned cleaned) {
        return new GridPullReport(checks,
                new GridPullReport.Lattice(lattice.cells(), lattice.samples(), lattice.spacingCells(),
                        lattice.nearDistance(), lattice.thickness(), lattice.smoothWeight(), lattice.poolSize(),
                        lattice.auto()),
                new GridPullReport.Band(band.grid().brickCount(), band.grid().values.length, band.nearSamples(),
                        band.insideSamples(), band.outsideSamples(), queries.active().size()),
                new GridPullReport.Sign(signed.check(), config.signRepair().enabled()),
                new GridPullReport.SurfaceKind(kind.open(), kind.floodInsideSamples(), kind.boundaryPoints(), parts),
                new GridPullReport.Optimize(config.steps(), losses),
                new GridPullReport.Extract(extracted.resolution(), extracted.visitedCells(), extracted.crossedCells()),
                new GridPullReport.Clean(cleaned.piecesRemoved(), cleaned.piecesKept(), cleaned.meanSpacing(),
                        config.trimDistance() * cleaned.meanSpacing(), cleaned.facesTrimmed(),
                        cleaned.boundary() == null ? null : cleaned.boundary().watertight(),
                        cleaned.boundary() == null ? -1 : cleaned.boundary().boundaryEdges()));
    }

    /** The active samples and the query pool (phase {@code gridpull.queries}). */
    record Queries(ActiveSet active, QueryPool pool) {
        static Queries draw(BandBuilder.Band band, int[] fillSlots, CloudFrame frame, CloudFrame.Lattice lattice,
                GridPullConfig config) {
            float[] spacing = frame.spacing();
            float[] sigma = new float[spacing.length];
            for (int i = 0; i < spacing.length; i++) {
                sigma[i] = (float) Math.max(0.05, Math.min(config.sigmaScale() * spacing[i] * lattice.cells(),
                        config.bandWidth() / 2.0));
            }
            ActiveSet active = ActiveSet.build(band.grid(), band.distance(), config.bandWidth() + 1, fillSlots);
            QueryPool pool = QueryPool.build(band.grid(), active.indexOfSlot, lattice.points(), sigma, lattice.tree(),
                    lattice.poolSize(), config.seed());
            return new Queries(active, pool);
        }
    }

    /** The auto grid resolution for a median 8th-neighbour distance (in units of the longest side), before limits. */
    static int autoResolution(double medianSpacing) {
        return AutoResolution.fromSpacing(medianSpacing);
    }

    /** Samples per axis of the lattice for {@code cells} cells: the cells, a free margin on both sides, a multiple of
     * 8. */
    static int samplesPerAxis(int cells, int bandWidth) {
        int margin = bandWidth + 1 + SparseGrid.BRICK;
        return roundUp8(cells + 1 + 2 * margin);
    }

    private static int roundUp8(int x) {
        return (x + 7) / 8 * 8;
    }
}
