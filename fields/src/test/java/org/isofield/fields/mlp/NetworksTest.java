package org.isofield.fields.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.junit.jupiter.api.Test;

class NetworksTest {
    private static NetworkConfig parse(String json) {
        return Networks.parse(Json.parse(json, "t"), "$.network");
    }

    @Test
    void instantNgpSdfNetworkBlockParses() {
        NetworkConfig c = parse("{\"otype\": \"FullyFusedMLP\", \"activation\": \"ReLU\", \"output_activation\": "
                + "\"None\","
                + " \"n_neurons\": 64, \"n_hidden_layers\": 2}");
        assertThat(c).isEqualTo(MlpConfig.DEFAULT);
        assertThat(Networks.registry().toJson(c).toString()).isEqualTo("{\"otype\":\"FullyFusedMLP\",\"n_neurons\":64,"
                + "\"n_hidden_layers\":2,\"activation\":\"ReLU\",\"output_activation\":\"None\"}");
        assertThat(parse("{\"otype\": \"fullyfusedmlp\", \"activation\": \"leakyrelu\"}"))
                .isEqualTo(new MlpConfig(64, 2, Activation.LEAKY_RELU, Activation.NONE));
        Network net = Networks.create(c, 32, 1, 7);
        assertThat(net.paramCount()).isEqualTo(7168);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> parse("{\"otype\": \"FullyFusedMLP\", \"n_neurons\": 40}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("at $.network.n_neurons:");
        assertThatThrownBy(() -> parse("{\"otype\": \"FullyFusedMLP\", \"activation\": \"Gelu\"}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("at $.network.activation:")
                .hasMessageContaining("ReLU");
        assertThatThrownBy(() -> parse("{\"otype\": \"FullyFusedMLP\", \"n_layers\": 3}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("at $.network: unknown key \"n_layers\"");
    }
}
