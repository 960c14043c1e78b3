package org.isofield.fields.train;

/**
 * Training batches for a {@link Trainer}: positions in the unit cube and one target per position. Each call draws
 * the next batch; sources are deterministic for their seed and are called from one thread.
 */
public interface BatchSource {
    /** Samples per batch, at least 1. */
    int batchSize();

    /**
     * Writes the next batch.
     *
     * @param positions receives {@code 3 n} coordinates in {@code [0, 1]^3}, x y z per sample ({@code n = batchSize()})
     * @param targets receives {@code n} target values (signed distances for an SDF)
     */
    void next(float[] positions, float[] targets);
}
