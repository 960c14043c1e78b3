package org.isofield.cli;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.isofield.core.config.Registry;

/** Every component registry the command knows, by kind name; the place new kinds are listed. */
final class ComponentKinds {
    private ComponentKinds() {
    }

    static Map<String, Registry<?, ?>> all() {
        Map<String, Registry<?, ?>> m = new TreeMap<>();
        for (Registry<?, ?> r : java.util.List.<Registry<?, ?>>of(
                org.isofield.datasets.sample.Samplers.registry(),
                org.isofield.datasets.metrics.Evaluators.registry(),
                org.isofield.encodings.Encodings.registry(),
                org.isofield.fields.mlp.Networks.registry(),
                org.isofield.fields.loss.Losses.registry(),
                org.isofield.fields.optim.Optimizers.registry(),
                org.isofield.reconstruction.Reconstructors.registry())) {
            m.put(r.kind(), r);
        }
        return m;
    }

    static Registry<?, ?> get(String kind) {
        Registry<?, ?> r = all().get(kind.toLowerCase(Locale.ROOT));
        if (r == null) {
            throw ConfigCommand.unknownKind(kind);
        }
        return r;
    }
}
