package org.isofield.reconstruction.sdf;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.datasets.index.bvh.TriangleBvh;

/**
 * Options of {@link SdfSampler}, instant-ngp's SDF task (Müller et al. 2022; facts in
 * {@code shared/design/neural-fields.md} section 1.7).
 *
 * @param batchSize samples per batch, a multiple of 8 from 8 to 2^24; default 2^16 (instant-ngp uses 2^18 on a GPU)
 * @param jitterScale scale of the logistic perturbation of the near-surface samples, in unit-cube units; default
 *     {@code (sqrt(3)/2) / 1024 = 8.457e-4}: instant-ngp's {@code bounding_radius / 1024 * surface_offset_scale}
 *     with the unit cube's bounding radius and scale 1
 * @param margin free space left on each side when the mesh's bounding box is mapped into the unit cube, 0 to 0.25;
 *     default 0.05
 * @param poolBatches signed samples are kept in a pool of this many batches' worth (0 = fresh signed samples every
 *     step, instant-ngp's online mode); default 16
 * @param refreshSteps every this many steps the oldest batch's worth of the pool is replaced by fresh samples;
 *     default 8, so each signed sample is drawn about 8 times and the signed-distance cost per step is an eighth
 * @param beta accuracy of the fast winding number that gives the sign ({@link TriangleBvh#DEFAULT_BETA})
 * @param seed seed of every random stream
 */
public record SdfSamplingConfig(int batchSize, double jitterScale, double margin, int poolBatches, int refreshSteps,
        double beta, long seed) {
    /** instant-ngp's mix with a batch of 2^16 and a 16-batch pool refreshed every 8 steps. */
    public static final SdfSamplingConfig DEFAULT = new SdfSamplingConfig(1 << 16, Math.sqrt(3) / 2 / 1024, 0.05, 16,
            8, TriangleBvh.DEFAULT_BETA, 1);

    public SdfSamplingConfig {
        Check.configRange("batch_size", batchSize, 8, 1 << 24);
        if (batchSize % 8 != 0) {
            throw new ConfigException("batch_size", "value " + batchSize
                    + " is not a multiple of 8; expected 8, 16, ...");
        }
        Check.configRange("jitter_scale", jitterScale, 0, 0.1);
        Check.configRange("margin", margin, 0, 0.25);
        Check.configRange("pool_batches", poolBatches, 0, 4096);
        Check.configRange("refresh_steps", refreshSteps, 1, 1 << 20);
        Check.configRange("beta", beta, 0.5, 100);
        if ((long) poolBatches * batchSize > 1 << 27) {
            throw new ConfigException("pool_batches", "pool of " + poolBatches + " x " + batchSize
                    + " samples is too large; expected pool_batches x batch_size at most 2^27");
        }
    }

    /** Samples exactly on the surface: 4/8 of the batch. */
    public int surfaceCount() {
        return batchSize / 2;
    }

    /** Samples on the surface plus logistic jitter: 3/8 of the batch. */
    public int jitterCount() {
        return batchSize / 8 * 3;
    }

    /** Samples uniform in the unit cube: 1/8 of the batch. */
    public int uniformCount() {
        return batchSize / 8;
    }
}
