package org.isofield.reconstruction.sdf;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.isofield.core.Parallel;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.datasets.sample.Normalization;
import org.isofield.reconstruction.InvalidMeshException;

/**
 * SDF training batches from a triangle mesh, as instant-ngp's SDF task draws them (Müller et al. 2022): per batch of
 * {@code n}, {@code n/2} points exactly on the surface (area-weighted, target 0), {@code 3n/8} surface points moved
 * by logistic noise of scale {@link SdfSamplingConfig#jitterScale()} per coordinate, and {@code n/8} uniform in the
 * unit cube. Everything is in the mesh's unit-cube frame ({@link #normalization()}: the bounding box centred in
 * {@code [0, 1]^3} with the configured margin); targets are signed distances in that frame from a {@link TriangleBvh}:
 * the exact closest-point distance, negative where the fast winding number is at least 0.5, so meshes with holes and
 * soups get a sensible sign. Jittered points are clamped to the cube.
 *
 * <p>Signed samples from a pool (the default): the BVH answers about 0.1 to 0.5 M signed-distance queries per second
 * on two cores, so fresh signed samples for every step ({@code n/2} queries) would take longer than the training step
 * itself. The sampler therefore keeps {@link SdfSamplingConfig#poolBatches()} batches' worth of signed samples and
 * draws each batch's near-surface and uniform parts from it at random (stratified, so the mix is exact); every
 * {@link SdfSamplingConfig#refreshSteps()} steps one slot gets fresh samples: the pool grows by a slot until it is
 * full, then the oldest slot is replaced. Surface samples cost no query and are always fresh. With
 * {@code poolBatches = 0} every batch is fresh, as in instant-ngp. The constructor fills one slot ({@code n/2}
 * queries), so start-up costs one fresh batch, and each step then costs {@code n / (2 refreshSteps)} queries on
 * average. Measured on two shared cores (load about 5), 66k-face torus, {@code n = 2^16}: fresh batches 0.55 to
 * 0.97 s each, pooled batches with the defaults 0.10 to 0.13 s each ({@code SdfSamplerSlowTest}).
 *
 * <p>Determinism: step {@code s} and pool generation {@code g} each use their own stream derived from the seed, split
 * once per fixed chunk of {@value #GRAIN} samples, so batch {@code s} is the same for any thread count. Not
 * thread-safe: one caller draws the batches in order.
 */
public final class SdfSampler {
    static final int GRAIN = 4096;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SdfSamplingConfig config;
    private final Normalization normalization;
    private final TriangleMesh unitMesh;
    private final TriangleBvh bvh;
    private final SurfacePicker surface;
    private final float[] poolJitter;
    private final float[] poolJitterTargets;
    private final float[] poolUniform;
    private final float[] poolUniformTargets;
    private long step;
    private int filled;

    /**
     * Normalises the mesh, builds its BVH and fills the pool.
     *
     * @throws org.isofield.reconstruction.InvalidMeshException if the mesh has no faces, a non-finite vertex, or only
      *     zero-area faces
     */
    public SdfSampler(TriangleMesh mesh, SdfSamplingConfig config) {
        Objects.requireNonNull(mesh, "mesh");
        this.config = Objects.requireNonNull(config, "config");
        if (mesh.faceCount() == 0) {
            throw new InvalidMeshException("mesh has no faces (" + mesh.vertexCount()
                    + " vertices); SDF samples need a surface of at least one triangle");
        }
        float[] v = mesh.vertices();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new InvalidMeshException("vertex " + i / 3 + " has coordinate " + v[i]
                        + "; expected finite vertices");
            }
        }
        this.normalization = Normalization.unitCube(mesh.bounds(), config.margin());
        this.unitMesh = normalization.apply(mesh, Vec3d.ZERO);
        this.surface = new SurfacePicker(unitMesh);
        this.bvh = TriangleBvh.build(unitMesh);
        int k = config.poolBatches();
        poolJitter = new float[3 * k * config.jitterCount()];
        poolJitterTargets = new float[k * config.jitterCount()];
        poolUniform = new float[3 * k * config.uniformCount()];
        poolUniformTargets = new float[k * config.uniformCount()];
        if (k > 0) {
            refill(0, 0);
            filled = 1;
        }
    }

    /** A sampler with the default config and this batch size and seed. */
    public static SdfSampler of(TriangleMesh mesh, int batchSize, long seed) {
        return new SdfSampler(mesh, Configs.with(SdfSamplingConfig.DEFAULT, "batch_size", batchSize, "seed", seed));
    }

    public SdfSamplingConfig config() {
        return config;
    }

    /** World to unit cube: store it with a trained field so its mesh can be mapped back. */
    public Normalization normalization() {
        return normalization;
    }

    /** The mesh in the unit-cube frame (origin zero). */
    public TriangleMesh unitMesh() {
        return unitMesh;
    }

    /** The BVH over {@link #unitMesh()}. */
    public TriangleBvh bvh() {
        return bvh;
    }

    /** Steps drawn so far. */
    public long step() {
        return step;
    }

    /**
     * Moves to {@code target} as if {@link #next} had been called until {@link #step()} reached it, without drawing
     * the batches: only the pool slots alive at that step are regenerated (at most {@code pool_batches} refills).
     * Used to resume a training run; the batches that follow are bitwise those of an uninterrupted run.
     *
     * @throws IllegalArgumentException if {@code target} is below the current step
     */
    public void skipTo(long target) {
        if (target < step) {
            throw new IllegalArgumentException("target step " + target + " is below the current step " + step
                    + "; a sampler only moves forward");
        }
        int k = config.poolBatches();
        if (k > 0 && target > 0) {
            long last = (target - 1) / config.refreshSteps();
            long before = step > 0 ? (step - 1) / config.refreshSteps() : 0;
            if (last > before) {
                for (int slot = 0; slot < k; slot++) {
                    if (last < slot) {
                        continue;
                    }
                    long generation = last - Math.floorMod(last - slot, (long) k);
                    if (generation > before) {
                        refill(slot, generation);
                    }
                }
                filled = (int) Math.min(k, last + 1);
            }
        }
        step = target;
    }

    /** Draws the next batch into new arrays. */
    public SdfBatch next() {
        SdfBatch b = new SdfBatch(new float[3 * config.batchSize()], new float[config.batchSize()]);
        next(b.positions(), b.targets());
        return b;
    }

    /**
     * Draws the next batch into {@code positions[3n]} and {@code targets[n]} (layout as in {@link SdfBatch}) and
     * advances the step; refreshes a pool slot first when the step is a multiple of the refresh interval.
     */
    public void next(float[] positions, float[] targets) {
        int n = config.batchSize();
        if (positions.length != 3 * n || targets.length != n) {
            throw new IllegalArgumentException("positions and targets have lengths " + positions.length + " and "
                    + targets.length + "; expected " + 3 * n + " and " + n);
        }
        int k = config.poolBatches();
        if (k > 0 && step > 0 && step % config.refreshSteps() == 0) {
            long generation = step / config.refreshSteps();
            refill((int) (generation % k), generation);
            filled = (int) Math.min(k, generation + 1);
        }
        int drawJitter = filled * config.jitterCount();
        int drawUniform = filled * config.uniformCount();
        SplittableRandom root = stream(2 * step);
        int ns = config.surfaceCount();
        int nj = config.jitterCount();
        int nu = config.uniformCount();
        List<SplittableRandom> streams = Parallel.perChunk(Parallel.chunkCount(n, GRAIN), c -> root.split());
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            SplittableRandom rnd = streams.get(chunk);
            for (int i = start; i < end; i++) {
                if (i < ns) {
                    surface.pick(rnd, positions, i);
                    targets[i] = 0;
                } else if (k == 0) {
                    continue;
                } else if (i < ns + nj) {
                    copy(poolJitter, poolJitterTargets, rnd.nextInt(drawJitter), positions, targets, i);
                } else {
                    copy(poolUniform, poolUniformTargets, rnd.nextInt(drawUniform), positions, targets, i);
                }
            }
        });
        if (k == 0) {
            generateSigned(stream(2 * step + 1), positions, targets, ns, nj, nu);
        }
        step++;
    }

    private static void copy(float[] pos, float[] tgt, int src, float[] positions, float[] targets, int i) {
        System.arraycopy(pos, 3 * src, positions, 3 * i, 3);
        targets[i] = tgt[src];
    }

    /** Stream {@code id}: {@code 2s} and {@code 2s + 1} for step {@code s}, {@code -1 - g} for pool generation g. */
    private SplittableRandom stream(long id) {
        return new SplittableRandom(config.seed() * GOLDEN + (id + 1) * 0xBF58476D1CE4E5B9L);
    }

    /** Regenerates pool slot {@code slot} from generation {@code generation}'s stream. */
    private void refill(int slot, long generation) {
        int nj = config.jitterCount();
        int nu = config.uniformCount();
        float[] pos = new float[3 * (nj + nu)];
        float[] tgt = new float[nj + nu];
        generateSigned(stream(-1 - generation), pos, tgt, 0, nj, nu);
        System.arraycopy(pos, 0, poolJitter, 3 * slot * nj, 3 * nj);
        System.arraycopy(tgt, 0, poolJitterTargets, slot * nj, nj);
        System.arraycopy(pos, 3 * nj, poolUniform, 3 * slot * nu, 3 * nu);
        System.arraycopy(tgt, nj, poolUniformTargets, slot * nu, nu);
    }

    /** Near-surface then uniform samples with signed targets into {@code [from, from + nj + nu)}. */
    private void generateSigned(SplittableRandom root, float[] positions, float[] targets, int from, int nj, int nu) {
        int count = nj + nu;
        double s = config.jitterScale();
        List<SplittableRandom> streams = Parallel.perChunk(Parallel.chunkCount(count, GRAIN), c -> root.split());
        float[] query = new float[3 * count];
        Parallel.forChunks(count, GRAIN, (chunk, start, end) -> {
            SplittableRandom rnd = streams.get(chunk);
            for (int i = start; i < end; i++) {
                if (i < nj) {
                    surface.pick(rnd, query, i);
                    for (int a = 0; a < 3; a++) {
                        double u = rnd.nextDouble();
                        double jitter = u > 0 ? s * Math.log(u / (1 - u)) : 0;
                        query[3 * i + a] = (float) Math.min(1.0, Math.max(0.0, query[3 * i + a] + jitter));
                    }
                } else {
                    for (int a = 0; a < 3; a++) {
                        query[3 * i + a] = (float) rnd.nextDouble();
                    }
                }
            }
        });
        float[] d = new float[count];
        bvh.signedDistances(query, Vec3d.ZERO, config.beta(), d);
        System.arraycopy(query, 0, positions, 3 * from, 3 * count);
        System.arraycopy(d, 0, targets, from, count);
    }
}
