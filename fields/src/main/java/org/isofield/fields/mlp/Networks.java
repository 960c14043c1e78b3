package org.isofield.fields.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.isofield.core.config.Registry;
import org.isofield.encodings.Encoding;
import org.isofield.fields.mlp.cam.CamMlpConfig;
import org.isofield.fields.mlp.cam.CamNetwork;
import org.isofield.fields.mlp.cam.CoordinateEncoding;

/**
 * The network registry (kind {@code "network"}): tiny-cuda-nn's {@code FullyFusedMLP}, and {@code CamMLP} (the same MLP
 * with coordinate-aware modulation, {@link org.isofield.fields.mlp.cam}).
 */
public final class Networks {
    /** Builds the network of a bound config in its context. */
    @FunctionalInterface
    public interface Factory {
        Network create(int inputDims, int outputDims, long seed);
    }

    private static final Registry<NetworkConfig, Factory> REGISTRY =
            Registry.<NetworkConfig, Factory>builder("network", NetworkConfig.class)
                    .add("FullyFusedMLP", MlpConfig.class, MlpConfig.DEFAULT,
                            c -> (in, out, seed) -> new MlpNetwork(c, in, out, seed))
                    .add("CamMLP", CamMlpConfig.class, CamMlpConfig.DEFAULT,
                            c -> (in, out, seed) -> new CamNetwork(c, in, out, seed))
                    .build();

    private Networks() {
    }

    public static Registry<NetworkConfig, Factory> registry() {
        return REGISTRY;
    }

    /** Parses a {@code "network"} block found at {@code jsonPath}. */
    public static NetworkConfig parse(JsonNode json, String jsonPath) {
        return REGISTRY.parse(json, jsonPath);
    }

    public static Network create(NetworkConfig config, int inputDims, int outputDims, long seed) {
        return REGISTRY.bind(config).create(inputDims, outputDims, seed);
    }

    /**
     * The encoding a neural field feeds a network of this config: {@code encoding} itself, or for a
     * coordinate-aware network ({@code CamMLP}) the encoding with the position appended to its features.
     */
    public static Encoding fieldEncoding(NetworkConfig config, Encoding encoding) {
        return config.coordinateAware() ? new CoordinateEncoding(encoding) : encoding;
    }

    /** True when the network's type provides the second-order pass an eikonal loss needs. */
    public static boolean supportsSecondOrder(NetworkConfig config) {
        return config.hasSecondOrderPass();
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
