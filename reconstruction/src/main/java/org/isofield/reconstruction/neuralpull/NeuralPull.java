package org.isofield.reconstruction.neuralpull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.config.Json;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.sample.Normalization;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.device.DeviceBatchSource;
import org.isofield.fields.device.DeviceNeuralField;
import org.isofield.fields.device.DeviceTrainer;
import org.isofield.fields.device.FieldBackends;
import org.isofield.fields.loss.L2Config;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.train.NeuralField;
import org.isofield.reconstruction.CloudChecks;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructor;
import org.isofield.reconstruction.Spacing;
import org.isofield.reconstruction.mc.CellMask;
import org.isofield.reconstruction.mc.SampleGrid;
import org.isofield.reconstruction.mc.SparseMarchingCubes;

/**
 * NeuralPull: Neural-Pull (Ma et al., ICML 2021) on a hash-grid + tiny-MLP {@link NeuralField}; no normals needed.
 *
 * <p>Pipeline: check the cloud ({@link CloudChecks}); map it into the unit cube with a margin of {@value #MARGIN}
 * ({@link Normalization#unitCube}); fit the field to a rough signed distance from a voxel flood fill ({@link
 * SignedStart}: the sign);
 * draw a pool of queries around the points with noise from each point's {@code sigma_neighbours}-th neighbour
 * distance, targets their nearest points ({@link PullQueries}); pull ({@link PullLoss}, full second order, fresh
 * optimizers); extract the zero set with {@link SparseMarchingCubes} on a lattice {@code resolution} cells across the
 * longest side, seeded by the cells within 1.5 cells of the points ({@link NeuralLattice}); vertex normals from the
 * field's gradient; faces outward (if the field came out positive inside, the network's output layer is negated so
 * the saved field is negative inside too); pieces under {@code min_piece_fraction} removed; back to world
 * coordinates. The result carries the trained field as a {@code .isf} content of kind {@value NeuralFieldFiles#KIND}.
 *
 * <p>Deterministic for a seed and any thread count. Instances are immutable and thread-safe.
 */
public final class NeuralPull implements Reconstructor {
    /** Free space on each side of the unit cube around the cloud's bounding box. */
    public static final double MARGIN = 0.1;
    /** Marching-cubes cells per median distance to the 8th nearest neighbour, for {@code resolution: auto}. */
    public static final double AUTO_CELLS_PER_SPACING = 2.0;
    /** Smallest auto resolution. */
    public static final int AUTO_MIN = 32;
    /** Largest auto resolution. */
    public static final int AUTO_MAX = 512;
    /** Most queries in the pool. */
    public static final int MAX_POOL = 4_000_000;
    /** The neighbour whose distance is the point spacing (median: the auto resolution and the start's voxels). */
    static final int SPACING_NEIGHBOURS = 8;

    private final NeuralPullConfig config;

    public NeuralPull(NeuralPullConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public NeuralPullConfig config() {
        return config;
    }

    @Override
    public Reconstruction run(PointCloud input, Progress progress) {
        Map<String, Object> details = new LinkedHashMap<>();
        ProgressMeter prepare = ProgressMeter.of(progress, "neuralpull.prepare", 3);
        PointCloud cloud = CloudChecks.check(input, details);
        int n = cloud.size();
        Aabb box = cloud.bounds();
        Normalization norm = Normalization.unitCube(box, MARGIN);
        float[] unit = new float[3 * n];
        Vec3d t = norm.translation();
        for (int i = 0; i < n; i++) {
            unit[3 * i] = (float) (norm.scale() * cloud.x(i) + t.x());
            unit[3 * i + 1] = (float) (norm.scale() * cloud.y(i) + t.y());
            unit[3 * i + 2] = (float) (norm.scale() * cloud.z(i) + t.z());
        }
        KdTree tree = KdTree.build(unit);
        double side = 1 - 2 * MARGIN;
        float[] spacing8 = Spacing.kthDistances(unit, tree, SPACING_NEIGHBOURS);
        float[] sorted = spacing8.clone();
        Arrays.sort(sorted);
        double median = Math.max(sorted[n / 2], 1e-7);
        prepare.step();
        float[] sigmaDistances = config.sigmaNeighbours() == SPACING_NEIGHBOURS ? spacing8
                : Spacing.kthDistances(unit, tree, config.sigmaNeighbours());
        float[] sigma = PullQueries.sigma(sigmaDistances, config.sigmaScale(), 1e-6);
        int poolSize = (int) Math.min(MAX_POOL, (long) n * config.queriesPerPoint());
        PullQueries pool = PullQueries.build(unit, tree, sigma, poolSize, config.seed());
        prepare.done();
        float[] sortedSigma = sigma.clone();
        Arrays.sort(sortedSigma);
        details.put("median_spacing", median / side);
        details.put("median_sigma", sortedSigma[n / 2] / side);
        details.put("query_pool", poolSize);

        Backends.Selection backend = FieldBackends.select(config.fieldConfig());
        details.put("backend", backend.backend().jsonName());
        details.put("backend_device", backend.onDevice() ? backend.device().info().name() : "Java");
        details.put("backend_reason", backend.reason());
        NeuralField field = new NeuralField(config.fieldConfig(), config.seed());
        details.put("field_parameters", field.paramCount());
        ProgressMeter init = ProgressMeter.of(progress, "neuralpull.init", config.initSteps());
        SignedStart.Occupancy occ = SignedStart.occupancy(unit, median);
        if (occ.insideVoxels == 0) {
            throw new NumericalException("neuralpull.init", -1, String.format(Locale.ROOT, "the points enclose no"
                    + " inside at voxel size %.3g of the longest side; expected a closed surface (an open scan, or"
                    + " gaps in the sampling wider than about 3 point spacings)", occ.voxel / side));
        }
        double spread = 4 * sortedSigma[n / 2];
        NeuralField trained;
        PullTrainer.Losses losses;
        ProgressMeter pull = ProgressMeter.of(progress, "neuralpull.optimize", config.steps());
        if (backend.onDevice()) {
            try (DeviceNeuralField device = new DeviceNeuralField(backend.device(), field)) {
                details.put("init_mse", deviceStart(device, unit, tree, occ, spread, init));
                init.done();
                try (DevicePullTrainer trainer = new DevicePullTrainer(device, config)) {
                    trainer.upload(pool);
                    losses = trainer.train(config.steps(), pull);
                    trained = trainer.inferenceField();
                }
            }
        } else {
            double initLoss = SignedStart.fit(field, config.optimizer(), unit, tree, occ, spread, config.initSteps(),
                    config.batchSize(), config.seed(), init);
            init.done();
            details.put("init_mse", initLoss);
            PullTrainer trainer = new PullTrainer(field, config);
            losses = trainer.train(pool, config.steps(), pull);
            trained = trainer.inferenceField();
        }
        details.put("init_voxels_per_side", occ.n);
        details.put("init_steps", config.initSteps());
        pull.done();
        details.put("steps", config.steps());
        details.put("batch_size", config.batchSize());
        details.put("final_loss", Map.of("total", losses.total(), "pull", losses.pull() / side));

        int cells = config.resolution().orElse(autoResolution(median / side));
        double h = side / cells;
        int samples = (int) Math.floor(1 / h) + 1;
        SampleGrid grid = new SampleGrid(samples, samples, samples, Vec3d.ZERO, h);
        CellMask seeds = CellMask.near(grid, PointCloud.of(unit), 1.5 * h);
        DeviceNeuralField evaluator = backend.onDevice() ? new DeviceNeuralField(backend.device(), trained) : null;
        TriangleMesh mesh;
        FieldNormals.Result normals;
        try {
            NeuralLattice lattice = evaluator != null ? new NeuralLattice(evaluator::evaluate, grid)
                    : new NeuralLattice(trained, grid);
            lattice.prefetch(seeds);
            SparseMarchingCubes.Result extracted = SparseMarchingCubes.extract(lattice, seeds, progress);
            details.put("resolution", cells);
            details.put("extract_visited_cells", extracted.visitedCells());
            details.put("extract_crossed_cells", extracted.crossedCells());
            details.put("extract_field_samples", lattice.evaluatedSamples());
            SmallPieces.Result cleaned = SmallPieces.remove(extracted.mesh(), config.minPieceFraction());
            details.put("pieces_removed", cleaned.componentsRemoved());
            details.put("pieces_kept", cleaned.componentsBefore() - cleaned.componentsRemoved());
            if (cleaned.mesh().faceCount() == 0) {
                throw new NumericalException("neuralpull.extract", -1, "the field has no zero crossing near the"
                        + " points; expected a closed surface through them (an open scan has no inside; or try more"
                        + " steps)");
            }
            mesh = cleaned.mesh();
            normals = evaluator != null ? FieldNormals.of(evaluator::gradients, mesh) : FieldNormals.of(trained, mesh);
        } finally {
            if (evaluator != null) {
                evaluator.close();
            }
        }
        mesh = normals.mesh();
        details.put("field_positive_inside", normals.flipped());
        if (normals.flipped()) {
            negateOutput(trained);
        }
        return new Reconstruction(norm.inverse().apply(mesh), details, toFieldFile(trained, norm));
    }

    /** The signed start on a device (the CPU's {@link SignedStart#fit} with the same batches); the last step's MSE. */
    private double deviceStart(DeviceNeuralField device, float[] unit, KdTree tree, SignedStart.Occupancy occ,
                               double spread, ProgressMeter meter) {
        int b = config.batchSize();
        DeviceBatchSource source = DeviceBatchSource.uploading(SignedStart.batches(unit, tree, occ, spread, b,
                config.seed()));
        double mse = Double.NaN;
        try (DeviceTrainer start = new DeviceTrainer(device, L2Config.DEFAULT, config.optimizer(), b);
             DeviceArray pos = device.device().allocateFloats(3L * b, "start.positions");
             DeviceArray target = device.device().allocateFloats(b, "start.targets")) {
            for (int s = 0; s < config.initSteps(); s++) {
                source.next(pos, target);
                mse = start.step(pos, target, b);
                meter.step();
            }
        }
        return mse;
    }

    /** The auto marching-cubes resolution for a median 8th-neighbour distance (in units of the longest side). */
    static int autoResolution(double medianSpacing) {
        double cells = Math.ceil(AUTO_CELLS_PER_SPACING / medianSpacing);
        int c = (int) Math.min(cells, 1 << 20);
        return Math.max(AUTO_MIN, Math.min(AUTO_MAX, (c + 7) / 8 * 8));
    }

    /** The field file of a trained field: kind neural, its config, the world-to-unit transform, its blocks. */
    FieldFile toFieldFile(NeuralField field, Normalization norm) {
        ObjectNode meta = Json.mapper().createObjectNode();
        meta.put(NeuralFieldFiles.SEED_KEY, config.seed());
        meta.put(NeuralFieldFiles.STEPS_KEY, config.steps());
        meta.put("method", config.otype());
        Vec3d t = norm.translation();
        return FieldFile.of(NeuralFieldFiles.KIND, NeuralFieldFiles.storedConfig(field.config()), norm.scale(),
                new double[] {t.x(), t.y(), t.z()}, field.blocks()).withMetadata(Json.write(meta));
    }

    /** Negates the field ({@code f -> -f}) by negating the output layer: exact for a bias-free MLP, linear output. */
    static void negateOutput(NeuralField field) {
        if (!(field.network() instanceof MlpNetwork net)
                || !(field.config().network() instanceof MlpConfig c) || c.outputActivation() != Activation.NONE) {
            throw new IllegalStateException(String.format(Locale.ROOT, "cannot negate the output of network %s;"
                    + " expected a FullyFusedMLP with output_activation None", field.config().network().otype()));
        }
        float[] p = net.params();
        for (int i = net.matrixOffset(net.hiddenLayers()); i < p.length; i++) {
            p[i] = -p[i];
        }
    }
}
