package org.isofield.reconstruction.mc;

/**
 * A scalar field evaluated in batches, negative inside the solid. Implementations may parallelise internally; the
 * extractor calls them from one thread at a time.
 */
@FunctionalInterface
public interface FieldFunction {
    /**
     * Evaluates {@code n} world points.
     *
     * @param xyz world coordinates {@code x0 y0 z0 x1 ...}; at least {@code 3n} long; read only
     * @param n number of points
     * @param out receives the {@code n} values
     */
    void evaluate(float[] xyz, int n, float[] out);
}
