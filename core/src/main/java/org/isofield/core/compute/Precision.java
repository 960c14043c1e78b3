package org.isofield.core.compute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.isofield.core.ConfigException;

/**
 * Arithmetic of the network kernels, as the {@code precision} key names it. {@link #FP32} everywhere (every backend);
 * {@link #FP16}: half-precision tensor-core matrix products with fp32 accumulation and fp32 master weights (the CUDA
 * backend only, compute capability 7.0 or newer).
 */
public enum Precision {
    FP32("fp32"),
    FP16("fp16");

    private final String jsonName;

    Precision(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }

    /** Parses {@code fp32} or {@code fp16}, ignoring case. */
    @JsonCreator
    public static Precision parse(String name) {
        if (name != null) {
            for (Precision p : values()) {
                if (p.jsonName.equals(name.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new ConfigException("precision", "unknown precision \"" + name + "\"; expected fp32 or fp16");
    }
}
