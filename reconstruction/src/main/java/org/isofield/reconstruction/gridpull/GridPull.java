package org.isofield.reconstruction.gridpull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.MstOrientation;
import org.isofield.datasets.normals.PcaNormals;
import org.isofield.reconstruction.CloudChecks;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructor;
import org.isofield.reconstruction.Spacing;
import org.isofield.reconstruction.mc.CellMask;
import org.isofield.reconstruction.mc.SampleGrid;
import org.isofield.reconstruction.mc.SparseMarchingCubes;
import org.isofield.reconstruction.mc.Trim;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;

/**
 * GridPull (Chen, Liu, Han, ICCV 2023): a discrete signed distance grid optimised by pulling noisy queries onto
 * their nearest input points; no normals, no network.
 *
 * <p>Pipeline: check the cloud ({@link CloudChecks}); put it in the middle of a cubic lattice with
 * {@code grid_resolution} cells across its longest side and a free margin of {@code band_width + 9} cells; store
 * only 8^3 bricks within {@code band_width + 1} cells of a point and give them a signed initial field
 * ({@link BandBuilder}, then {@link OrientedInit} near the points); draw a pool of queries around the points with
 * noise {@code sigma_scale} times each point's
 * distance to its 8th nearest neighbour ({@link QueryPool}); optimise ({@link GridPullTrainer}); extract the zero set
 * with {@link SparseMarchingCubes} seeded by the cells within 1.5 cells of the points; remove small pieces. The mesh
 * is in the input's frame, faces outward, with normals from the field gradient.
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

    private static final System.Logger LOG = System.getLogger(GridPull.class.getName());
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

    @Override
    public Reconstruction run(PointCloud input, Progress progress) {
        Map<String, Object> details = new LinkedHashMap<>();
        ProgressMeter prepare = ProgressMeter.of(progress, "gridpull.prepare", 4);
        PointCloud cloud = CloudChecks.check(input, details);
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
        Spacing unitSpacing = Spacing.of(unit, KdTree.build(unit), SPACING_NEIGHBOURS);
        float[] spacing = unitSpacing.kth();
        prepare.step();
        float[] sorted = spacing.clone();
        Arrays.sort(sorted);
        double median = Math.max(sorted[n / 2], 1e-7f);
        int poolSize = (int) Math.min(MAX_POOL, (long) n * config.queriesPerPoint());
        int cells;
        if (config.gridResolution().isAuto()) {
            AutoResolution.Choice choice = AutoResolution.choose(unit, median, config.bandWidth(),
                    config.resolution().orElse(0), poolSize, Runtime.getRuntime().maxMemory());
            cells = choice.cells();
            details.put("grid_resolution_wanted", choice.wanted());
            details.put("grid_resolution_limit", choice.limit());
            details.put("estimated_peak_heap_bytes", choice.estimatedBytes());
            LOG.log(choice.limit().equals("none") ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    AutoResolution.describe(choice));
        } else {
            cells = config.gridResolution().orElse(0);
            AutoResolution.checkExplicit(unit, median, cells, config.bandWidth(), config.resolution().orElse(0),
                    poolSize, Runtime.getRuntime().maxMemory());
        }
        int samples = samplesPerAxis(cells, config.bandWidth());
        double half = (samples - 1) / 2.0;
        float[] lattice = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            lattice[i] = (float) (half + unit[i] * cells);
        }
        KdTree tree = KdTree.build(lattice);
        double thickness = NoiseEstimate.thickness(lattice, tree);
        double smoothWeight = config.smoothWeight().resolve(thickness);
        details.put("noise_thickness", thickness);
        details.put("smooth_weight", smoothWeight);
        double spacingCells = median * cells;
        double nearDistance = spacingCells + NEAR_OFFSET;
        BandBuilder.Band band = BandBuilder.build(lattice, tree, samples, config.bandWidth(), nearDistance);
        details.put("sign", "flood_fill");
        int[] fillSlots = new int[0];
        // unoriented PCA normals, computed once: the winding-number check, the rim test and both inits start from them
        float[] pca = PcaNormals.estimate(lattice, tree);
        if (config.surface() != Surface.OPEN) {
            float[] kthCells = new float[n];
            for (int i = 0; i < n; i++) {
                kthCells[i] = (float) (spacing[i] * cells);
            }
            WindingSign.Result leak = WindingSign.check(band, lattice, tree, pca, kthCells, nearDistance);
            leak.report(details);
            if (leak.repaired()) {
                band = leak.band();
                fillSlots = leak.fillSlots();
                LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "the flood fill's sides "
                        + "disagree with the winding number of the oriented points (a hole let it in: %d bricks and %d of "
                        + "%d probed band samples; or a cavity it could not reach: %d bricks and probes); signed by "
                        + "the winding number instead", leak.leakedBricks(), leak.leakedProbes(),
                        leak.windingInsideProbes(), leak.hollow()));
            }
        }
        boolean open = config.surface() == Surface.OPEN;
        details.put("flood_fill_inside_samples", OpenSurface.insideSamples(band));
        if (config.surface() == Surface.AUTO && !OpenSurface.hasInside(band)) {
            int rim = OpenSurface.boundaryPoints(lattice, pca, tree);
            details.put("boundary_points", rim);
            // in a noisy cloud every neighbourhood has gaps, so the rim test would call any thin closed part open
            // (the noisy sword: 1801 rim points); there auto stays closed and surface=open must be asked for
            open = !OpenSurface.thinButClosed(rim, n) && thickness < SmoothWeight.NOISY_ABOVE;
            if (open) {
                LOG.log(System.Logger.Level.WARNING, String.format(java.util.Locale.ROOT, "the flood fill found no "
                        + "inside (%d inside samples for %d near the points) and %d points lie on a rim: "
                        + "reconstructing an open surface (surface: open), trimmed at %s mean point spacings; set "
                        + "surface=closed to refuse open input", OpenSurface.insideSamples(band), band.nearSamples(),
                        rim, config.trimDistance()));
            }
        }
        details.put("surface", open ? "open" : "closed");
        if (open) {
            float[] normals = pca;
            double[] view = null;
            if (!config.viewpoint().isEmpty()) {
                view = new double[3];
                double[] c = {center.x(), center.y(), center.z()};
                for (int a = 0; a < 3; a++) {
                    view[a] = half + (config.viewpoint().get(a) - c[a]) / longest * cells;
                }
            }
            MstOrientation.Oriented oriented = MstOrientation.orient(lattice, normals, tree, view);
            OpenSurface.apply(band.grid(), lattice, normals, tree);
            details.put("normal_graph_parts", oriented.parts());
        } else if (config.orientedInit()) {
            OrientedInit.orientByGradient(band.grid(), lattice, pca);
            OrientedInit.apply(band.grid(), band.nearSlots(), lattice, pca, tree);
        }
        prepare.step();
        float[] sigma = new float[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = (float) Math.max(0.05, Math.min(config.sigmaScale() * spacing[i] * cells, config.bandWidth() / 2.0));
        }
        ActiveSet active = ActiveSet.build(band.grid(), band.distance(), config.bandWidth() + 1, fillSlots);
        QueryPool pool = QueryPool.build(band.grid(), active.indexOfSlot, lattice, sigma, tree, poolSize, config.seed());
        prepare.done();
        details.put("grid_resolution", cells);
        details.put("grid_samples_per_axis", samples);
        details.put("median_spacing_cells", spacingCells);
        details.put("near_distance_cells", nearDistance);
        details.put("stored_bricks", band.grid().brickCount());
        details.put("stored_samples", band.grid().values.length);
        details.put("initial_near_inside_outside", java.util.List.of(band.nearSamples(), band.insideSamples(),
            band.outsideSamples()));
        details.put("active_samples", active.size());
        details.put("query_pool", poolSize);

        ProgressMeter optimize = ProgressMeter.of(progress, "gridpull.optimize", config.steps());
        GridPullTrainer.Losses losses = new GridPullTrainer(band.grid(), active, pool,
                config.withSmoothWeight(SmoothWeight.of(smoothWeight))).train(optimize);
        optimize.done();
        details.put("steps", config.steps());
        details.put("final_loss", Map.of("pull", losses.pull(), "surface", losses.surface(), "gradient",
                losses.gradient(), "smooth", losses.smooth(), "bending", losses.bending()));

        int mcCells = config.resolution().orElse(cells);
        double ratio = (double) cells / mcCells;
        double h = longest / cells;
        Vec3d origin = center.minus(new Vec3d(half * h, half * h, half * h));
        SampleGrid mcGrid = GridField.mcLattice(samples, cells, mcCells, origin, h);
        CellMask seeds = CellMask.near(mcGrid, cloud, Math.max(1.5 * mcGrid.spacing(), h));
        GridField field = new GridField(band.grid(), ratio);
        SparseMarchingCubes.Result extracted = open ? SparseMarchingCubes.extractWithin(field, seeds, progress)
                : SparseMarchingCubes.extract(field, seeds, progress);
        details.put("resolution", mcCells);
        details.put("extract_visited_cells", extracted.visitedCells());
        details.put("extract_crossed_cells", extracted.crossedCells());
        TriangleMesh raw = extracted.mesh();
        if (open) {
            double meanSpacing = unitSpacing.meanNearest() * longest;
            Trim.Result trimmed = Trim.byDistance(raw, cloud, config.trimDistance() * meanSpacing);
            details.put("mean_spacing", meanSpacing);
            details.put("trim_distance_world", config.trimDistance() * meanSpacing);
            details.put("faces_trimmed", trimmed.facesRemoved());
            raw = trimmed.mesh();
        }
        SmallPieces.Result cleaned = SmallPieces.remove(raw, config.minPieceFraction());
        details.put("pieces_removed", cleaned.componentsRemoved());
        details.put("pieces_kept", cleaned.componentsBefore() - cleaned.componentsRemoved());
        if (open && cleaned.mesh().faceCount() == 0) {
            throw new NumericalException("gridpull.extract", -1, "the open surface has no zero crossing within "
                    + config.trimDistance() + " mean point spacings of the points; expected the oriented field to "
                    + "change sign at the points (try a lower grid_resolution or a larger trim_distance)");
        }
        if (open) {
            MeshReport m = MeshChecks.check(cleaned.mesh());
            details.put("watertight", m.watertight());
            details.put("boundary_edges", m.boundaryEdges());
        }
        if (cleaned.mesh().faceCount() == 0) {
            throw new NumericalException("gridpull.extract", -1, "the field has no zero crossing near the points; "
                    + "expected a closed surface (an open scan has no inside; or the sampling has holes wider than "
                    + String.format(java.util.Locale.ROOT, "%.1f", 2 * nearDistance) + " cells: try a lower grid_resolution;"
                    + " for an open scan set surface=open)");
        }
        return new Reconstruction(cleaned.mesh(), details,
                GridPullFieldFiles.pack(band.grid(), cells, center, longest, config.minPieceFraction()));
    }

    /** The auto grid resolution for a median 8th-neighbour distance (in units of the longest side), before limits. */
    static int autoResolution(double medianSpacing) {
        return AutoResolution.fromSpacing(medianSpacing);
    }

    /** Samples per axis of the lattice for {@code cells} cells: the cells, a free margin on both sides, a multiple of 8. */
    static int samplesPerAxis(int cells, int bandWidth) {
        int margin = bandWidth + 1 + SparseGrid.BRICK;
        return roundUp8(cells + 1 + 2 * margin);
    }

    private static int roundUp8(int x) {
        return (x + 7) / 8 * 8;
    }
}
