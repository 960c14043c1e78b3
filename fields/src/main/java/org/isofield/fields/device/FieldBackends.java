package org.isofield.fields.device;

import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.train.NeuralFieldConfig;

/**
 * The backend a neural-field run uses: {@link Backends#select} for the config's {@code backend} and {@code precision},
 * where {@code auto} also falls back to the CPU (and says so) for components that have no device kernels; a device
 * backend asked for by name with such components is a config error naming the key.
 */
public final class FieldBackends {
    private FieldBackends() {
    }

    /**
     * The selection for {@code config}.
     *
     * @throws org.isofield.core.BackendUnavailableException when the backend asked for cannot run here
     * @throws org.isofield.core.ConfigException when it cannot run the config's components or precision
     */
    public static Backends.Selection select(NeuralFieldConfig config) {
        return select(config.backend(), config.precision(), config);
    }

    /** The selection for a backend and precision given apart from the config (a command-line option). */
    public static Backends.Selection select(Backend backend, Precision precision, NeuralFieldConfig config) {
        if (backend == Backend.AUTO && !DeviceNeuralField.supported(config)) {
            return new Backends.Selection(Backend.CPU, null, "auto: " + config.encoding().otype() + " + "
                    + config.network().otype() + " has no device kernels");
        }
        if (backend.isDevice()) {
            DeviceNeuralField.requireSupported(config);
        }
        Backends.Selection s = Backends.select(backend, precision);
        if (precision == Precision.FP16 && config.network() instanceof MlpConfig m) {
            DeviceMlp.requireFp16(s.backend(), m.nNeurons(), 0);
        }
        return s;
    }
}
