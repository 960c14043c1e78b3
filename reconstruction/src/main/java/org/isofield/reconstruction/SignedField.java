package org.isofield.reconstruction;

/**
 * A stored field's signed values at world points, negative inside the solid: what a method that needs the field's
 * sign away from any mesh reads (VoroMesh's occupancy). From {@link FieldKind#signedField}. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface SignedField {
    /**
     * Evaluates {@code n} world points.
     *
     * @param xyz world coordinates {@code x0 y0 z0 x1 ...}, at least {@code 3n} long; read only
     * @param out receives the {@code n} values
     */
    void evaluate(double[] xyz, int n, float[] out);
}
