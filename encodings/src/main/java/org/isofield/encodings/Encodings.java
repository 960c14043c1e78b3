package org.isofield.encodings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.isofield.core.config.Registry;
import org.isofield.encodings.densegrid.DenseGridConfig;
import org.isofield.encodings.densegrid.DenseGridEncoding;
import org.isofield.encodings.frequency.FrequencyConfig;
import org.isofield.encodings.frequency.FrequencyEncoding;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.encodings.simplexgrid.SimplexGridConfig;
import org.isofield.encodings.simplexgrid.SimplexGridEncoding;

/** The encodings by name (kind {@code "encoding"}): HashGrid, SimplexGrid, DenseGrid, Frequency. */
public final class Encodings {
    /** Builds the encoding of a bound config for a number of input dimensions. */
    @FunctionalInterface
    public interface Factory {
        Encoding create(int inputDims);
    }

    private static final Registry<EncodingConfig, Factory> REGISTRY =
            Registry.<EncodingConfig, Factory>builder("encoding", EncodingConfig.class)
                    .add("HashGrid", HashGridConfig.class, HashGridConfig.DEFAULT,
                            c -> d -> new HashGridEncoding(c, d))
                    .add("SimplexGrid", SimplexGridConfig.class, SimplexGridConfig.DEFAULT,
                            c -> d -> new SimplexGridEncoding(c, d))
                    .add("DenseGrid", DenseGridConfig.class, DenseGridConfig.DEFAULT,
                            c -> d -> new DenseGridEncoding(c, d))
                    .add("Frequency", FrequencyConfig.class, FrequencyConfig.DEFAULT,
                            c -> d -> new FrequencyEncoding(c, d))
                    .build();

    private Encodings() {
    }

    /** Builds the encoding of {@code config} for {@code inputDims} input coordinates (parameters not initialized). */
    public static Encoding create(EncodingConfig config, int inputDims) {
        return REGISTRY.bind(config).create(inputDims);
    }

    /** Parses an encoding block ({@code {"otype": "HashGrid", ...}}) and builds it. */
    public static Encoding create(JsonNode json, int inputDims) {
        return create(REGISTRY.parse(json), inputDims);
    }

    /** The registered otype names, sorted. */
    public static Set<String> names() {
        return REGISTRY.names();
    }

    /** The registry, for parsing, printing defaults and {@code toJson}. */
    public static Registry<EncodingConfig, Factory> registry() {
        return REGISTRY;
    }
}
