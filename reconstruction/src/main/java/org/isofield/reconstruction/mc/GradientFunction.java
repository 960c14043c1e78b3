package org.isofield.reconstruction.mc;

/** The gradient of a scalar field evaluated in batches, for vertex normals. Called from one thread at a time. */
@FunctionalInterface
public interface GradientFunction {
    /**
     * Evaluates the gradient at {@code n} world points.
     *
     * @param xyz world coordinates, at least {@code 3n} long; read only
     * @param n number of points
     * @param out receives {@code 3n} gradient components
     */
    void evaluate(float[] xyz, int n, float[] out);
}
