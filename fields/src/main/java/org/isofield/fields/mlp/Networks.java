package org.isofield.fields.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.isofield.core.config.Registry;

/** The network registry (kind {@code "network"}): tiny-cuda-nn's {@code FullyFusedMLP}. */
public final class Networks {
    /** Builds a network from its config and context. */
    @FunctionalInterface
    public interface Factory {
        Network create(NetworkConfig config, int inputDims, int outputDims, long seed);
    }

    private static final Registry<NetworkConfig, Factory> REGISTRY =
            Registry.<NetworkConfig, Factory>builder("network", NetworkConfig.class)
                    .add("FullyFusedMLP", MlpConfig.class, MlpConfig.DEFAULT,
                            (c, in, out, seed) -> new MlpNetwork((MlpConfig) c, in, out, seed))
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
        return REGISTRY.factory(config).create(config, inputDims, outputDims, seed);
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
