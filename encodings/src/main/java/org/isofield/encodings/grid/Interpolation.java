package org.isofield.encodings.grid;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Interpolation between the {@code 2^d} corners of a grid cell, as tiny-cuda-nn names it in JSON. With the fraction
 * {@code t} of a coordinate inside its cell, the corner weights use {@code s(t)} and {@code 1 - s(t)}.
 */
public enum Interpolation {
    /** {@code s(t) = t}: d-linear, continuous values, gradient jumps at cell faces. */
    @JsonProperty("Linear")
    LINEAR("Linear"),
    /** {@code s(t) = t^2 (3 - 2t)}: continuous gradient, zero at the grid vertices. */
    @JsonProperty("Smoothstep")
    SMOOTHSTEP("Smoothstep");

    private final String jsonName;

    Interpolation(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The weight function {@code s(t)}. */
    public float weight(float t) {
        return this == LINEAR ? t : t * t * (3f - 2f * t);
    }

    /** Its derivative {@code s'(t)}. */
    public float weightDerivative(float t) {
        return this == LINEAR ? 1f : 6f * t * (1f - t);
    }

    /** The JSON name, {@code "Linear"} or {@code "Smoothstep"}. */
    @Override
    public String toString() {
        return jsonName;
    }
}
