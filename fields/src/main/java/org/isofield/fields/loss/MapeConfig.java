package org.isofield.fields.loss;

/** tiny-cuda-nn's {@code "MAPE"} loss: per element {@code |y - d| / (|d| + 0.01), instant-ngp's SDF loss}. */
public record MapeConfig() implements LossConfig {
    public static final MapeConfig DEFAULT = new MapeConfig();

    @Override
    public String otype() {
        return "MAPE";
    }
}
