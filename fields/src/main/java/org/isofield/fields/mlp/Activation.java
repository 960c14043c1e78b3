package org.isofield.fields.mlp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Activation functions of tiny-cuda-nn's networks, spelled in JSON as tiny-cuda-nn spells them ({@code "ReLU"},
 * {@code "LeakyReLU"}, ...; parsing ignores case). The formulas are tiny-cuda-nn's: LeakyReLU has slope 0.01 below
 * zero, Softplus is {@code ln(1 + e^(10 z)) / 10} (sharpness 10). Each constant gives the value, the first and the
 * second derivative at a pre-activation {@code z}; the second derivative feeds the eikonal (second-order) terms.
 * ReLU and LeakyReLU use derivative 0 (resp. 0.01) at {@code z = 0}, as tiny-cuda-nn does.
 */
public enum Activation {
    NONE("None"),
    RELU("ReLU"),
    LEAKY_RELU("LeakyReLU"),
    SIGMOID("Sigmoid"),
    SOFTPLUS("Softplus"),
    TANH("Tanh"),
    SINE("Sine");

    /** Sharpness of tiny-cuda-nn's Softplus. */
    static final float SOFTPLUS_K = 10f;
    /** Slope of LeakyReLU below zero. */
    static final float LEAKY_SLOPE = 0.01f;

    private final String jsonName;

    Activation(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The tiny-cuda-nn spelling, e.g. {@code "ReLU"}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }

    /** Parses a tiny-cuda-nn name ignoring case; unknown names list the choices. */
    @JsonCreator
    public static Activation fromJson(String name) {
        for (Activation a : values()) {
            if (a.jsonName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation \"" + name
                + "\"; known: None, ReLU, LeakyReLU, Sigmoid, Softplus, Tanh, Sine");
    }

    /** The activation's value at pre-activation {@code z}. */
    public float apply(float z) {
        switch (this) {
            case NONE: return z;
            case RELU: return z > 0 ? z : 0f;
            case LEAKY_RELU: return z > 0 ? z : LEAKY_SLOPE * z;
            case SIGMOID: return 1f / (1f + (float) Math.exp(-z));
            case SOFTPLUS: return softplus(z);
            case TANH: return (float) Math.tanh(z);
            case SINE: return (float) Math.sin(z);
            default: throw new AssertionError(this);
        }
    }

    /** First derivative at pre-activation {@code z}. */
    public float derivative(float z) {
        switch (this) {
            case NONE: return 1f;
            case RELU: return z > 0 ? 1f : 0f;
            case LEAKY_RELU: return z > 0 ? 1f : LEAKY_SLOPE;
            case SIGMOID: {
                float s = 1f / (1f + (float) Math.exp(-z));
                return s * (1f - s);
            }
            case SOFTPLUS: return 1f / (1f + (float) Math.exp(-SOFTPLUS_K * z));
            case TANH: {
                float t = (float) Math.tanh(z);
                return 1f - t * t;
            }
            case SINE: return (float) Math.cos(z);
            default: throw new AssertionError(this);
        }
    }

    /** Second derivative at pre-activation {@code z} (0 for the piecewise-linear ones). */
    public float secondDerivative(float z) {
        switch (this) {
            case NONE:
            case RELU:
            case LEAKY_RELU:
                return 0f;
            case SIGMOID: {
                float s = 1f / (1f + (float) Math.exp(-z));
                return s * (1f - s) * (1f - 2f * s);
            }
            case SOFTPLUS: {
                float s = 1f / (1f + (float) Math.exp(-SOFTPLUS_K * z));
                return SOFTPLUS_K * s * (1f - s);
            }
            case TANH: {
                float t = (float) Math.tanh(z);
                return -2f * t * (1f - t * t);
            }
            case SINE: return (float) -Math.sin(z);
            default: throw new AssertionError(this);
        }
    }

    /** True when the second derivative is zero everywhere it exists. */
    public boolean piecewiseLinear() {
        return this == NONE || this == RELU || this == LEAKY_RELU;
    }

    private static float softplus(float z) {
        float kz = SOFTPLUS_K * z;
        // log1p(exp(kz)) without overflow: kz + log1p(exp(-kz)) for kz > 0
        double v = kz > 0 ? kz + Math.log1p(Math.exp(-kz)) : Math.log1p(Math.exp(kz));
        return (float) (v / SOFTPLUS_K);
    }
}
