package org.isofield.reconstruction.neuralpull;

import org.isofield.core.Check;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Precision;
import org.isofield.core.ConfigException;
import org.isofield.core.config.NumberOrAuto;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.loss.MapeConfig;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.NetworkConfig;
import org.isofield.fields.mlp.Networks;
import org.isofield.fields.optim.AdamConfig;
import org.isofield.fields.optim.ExponentialDecayConfig;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.reconstruction.ReconstructorConfig;

/**
 * Settings of {@link NeuralPull} (otype {@code "NeuralPull"}). The field blocks are those of a neural-field config
 * ({@link NeuralFieldConfig}); lengths are in units of the cloud's longest bounding-box side unless said otherwise.
 *
 * @param encoding the field's input encoding (3 input dimensions), e.g. a HashGrid
 * @param network the network after the encoding; needs a second-order pass (FullyFusedMLP), since the pull loss
 *     depends on the field's gradient
 * @param optimizer the optimizer of both parameter blocks, used for the sphere start and (fresh) for the pulling
 * @param steps pulling steps, 0 to 1000000
 * @param batchSize queries per step, 8 to 2^22, a multiple of 8
 * @param queriesPerPoint queries drawn around each input point for the precomputed pool, 1 to 256 (the pool holds at
 *     most {@value NeuralPull#MAX_POOL} queries)
 * @param sigmaNeighbours the query noise of a point is scaled by its distance to this nearest neighbour, 1 to 200
 *     (Neural-Pull: 50 of 20,000 points)
 * @param sigmaScale query noise standard deviation per axis as a multiple of that distance, above 0 to 10
 * @param eikonalWeight weight of the eikonal term {@code mean (|grad f| - 1)^2} on the queries (unit-cube frame),
 *     0 (off) or more
 * @param surfaceWeight weight of the surface term {@code mean f(t)^2} at the targets (GridPull's; not in
 *     Neural-Pull), 0 (off) or more
 * @param initSteps steps fitting the field to a rough signed distance of the cloud before pulling
 *     ({@link SignedStart}; it fixes the sign, which the pull loss cannot), 0 to 100000
 * @param resolution marching-cubes cells across the longest side, or auto: {@value NeuralPull#AUTO_CELLS_PER_SPACING}
 *     cells per median distance to the 8th nearest neighbour, rounded up to a multiple of 8 within
 *     [{@value NeuralPull#AUTO_MIN}, {@value NeuralPull#AUTO_MAX}]
 * @param minPieceFraction pieces with fewer faces than this fraction of the largest piece are removed, 0 to 1
 * @param seed seed of the field's initialisation, the query pool and its order
 * @param backend where the field trains and is evaluated: auto (CUDA, then an OpenCL GPU, then the Java CPU path),
 *     cpu, opencl or cuda; asked for and missing is an error (exit code 4), never a fallback
 * @param precision fp32, or fp16 for the CUDA tensor-core MLP
 */
public record NeuralPullConfig(EncodingConfig encoding, NetworkConfig network, OptimizerConfig optimizer, int steps,
        int batchSize, int queriesPerPoint, int sigmaNeighbours, double sigmaScale, double eikonalWeight,
        double surfaceWeight,
        int initSteps, NumberOrAuto resolution, double minPieceFraction, long seed, Backend backend,
        Precision precision) implements ReconstructorConfig {
    /** The default encoding: 12 hash levels from 16 to about 512 cells across the unit cube, 2^17 rows a level. */
    public static final HashGridConfig DEFAULT_ENCODING = new HashGridConfig(12, 2, 17, 16, 1.3703,
            Interpolation.LINEAR);
    /** The default network: 64 x 2 ReLU, no output activation (the sign flip of {@link NeuralPull} relies on it). */
    public static final MlpConfig DEFAULT_NETWORK = new MlpConfig(64, 2, Activation.RELU, Activation.NONE);
    /** The default optimizer: Adam 5e-3, x0.33 every 500 steps from step 1000. */
    public static final OptimizerConfig DEFAULT_OPTIMIZER = new ExponentialDecayConfig(0.33, 500, 1000, 10_000_000,
            new AdamConfig(5e-3, 0.9, 0.99, 1e-15, 1e-6));

    /** The defaults; see docs/decisions/neuralpull.md for how they were chosen. */
    public static final NeuralPullConfig DEFAULT = new NeuralPullConfig(DEFAULT_ENCODING, DEFAULT_NETWORK,
            DEFAULT_OPTIMIZER, 400, 4096, 16, 8, 1.0, 0.0, 1.0, 100, NumberOrAuto.AUTO, 0.01, 0L, Backend.AUTO,
            Precision.FP32);

    /** Smallest explicit {@code resolution}. */
    public static final int MIN_RESOLUTION = 8;
    /** Largest explicit {@code resolution}. */
    public static final int MAX_RESOLUTION = 2048;

    public NeuralPullConfig {
        if (encoding == null) {
            throw new ConfigException("encoding", "missing; expected an encoding object with \"otype\"");
        }
        if (network == null) {
            throw new ConfigException("network", "missing; expected a network object with \"otype\"");
        }
        if (optimizer == null) {
            throw new ConfigException("optimizer", "missing; expected an optimizer object with \"otype\"");
        }
        if (!Networks.supportsSecondOrder(network)) {
            throw new ConfigException("network", "otype " + network.otype() + " has no second-order pass, which the"
                    + " pull loss needs (it depends on the field's gradient); expected FullyFusedMLP");
        }
        Check.configRange("steps", steps, 0, 1_000_000);
        Check.configRange("batch_size", batchSize, 8, 1 << 22);
        if (batchSize % 8 != 0) {
            throw new ConfigException("batch_size", "value " + batchSize
                    + " is not a multiple of 8; expected 8, 16, ...");
        }
        Check.configRange("queries_per_point", queriesPerPoint, 1, 256);
        Check.configRange("sigma_neighbours", sigmaNeighbours, 1, 200);
        Check.configRange("sigma_scale", sigmaScale, 1e-6, 10.0);
        Check.configRange("eikonal_weight", eikonalWeight, 0.0, 1e6);
        Check.configRange("surface_weight", surfaceWeight, 0.0, 1e6);
        Check.configRange("init_steps", initSteps, 0, 100_000);
        NumberOrAuto.checkWhole("resolution", resolution, MIN_RESOLUTION, MAX_RESOLUTION);
        Check.configRange("min_piece_fraction", minPieceFraction, 0.0, 1.0);
        if (backend == null) {
            throw new ConfigException("backend", "missing; expected auto, cpu, opencl or cuda");
        }
        if (precision == null) {
            throw new ConfigException("precision", "missing; expected fp32 or fp16");
        }
    }

    @Override
    public String otype() {
        return "NeuralPull";
    }

    /** NeuralPull trains on {@code backend}. */
    @Override
    public boolean hasBackend() {
        return true;
    }

    /** The neural-field config of the trained field, as stored in its {@code .isf} file (loss unused: MAPE). */
    public NeuralFieldConfig fieldConfig() {
        return new NeuralFieldConfig(encoding, network, MapeConfig.DEFAULT, optimizer, batchSize, eikonalWeight,
                NeuralFieldConfig.DEFAULT_EIKONAL_FRACTION, backend, precision);
    }
}
