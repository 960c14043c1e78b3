package org.isofield.fields.loss;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.isofield.core.config.Registry;

/** The loss registry (kind {@code "loss"}): L1, L2, RelativeL2, MAPE, named as in tiny-cuda-nn. */
public final class Losses {
    private static final Registry<LossConfig, Loss> REGISTRY =
            Registry.<LossConfig, Loss>builder("loss", LossConfig.class)
                    .add("L1", L1Config.class, L1Config.DEFAULT, c -> new ElementwiseLoss(ElementwiseLoss.Kind.L1))
                    .add("L2", L2Config.class, L2Config.DEFAULT, c -> new ElementwiseLoss(ElementwiseLoss.Kind.L2))
                    .add("RelativeL2", RelativeL2Config.class, RelativeL2Config.DEFAULT,
                            c -> new ElementwiseLoss(ElementwiseLoss.Kind.RELATIVE_L2))
                    .add("MAPE", MapeConfig.class, MapeConfig.DEFAULT,
                    c -> new ElementwiseLoss(ElementwiseLoss.Kind.MAPE))
                    .build();

    private Losses() {
    }

    public static Registry<LossConfig, Loss> registry() {
        return REGISTRY;
    }

    public static LossConfig parse(JsonNode json, String jsonPath) {
        return REGISTRY.parse(json, jsonPath);
    }

    public static Loss create(LossConfig config) {
        return REGISTRY.bind(config);
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
