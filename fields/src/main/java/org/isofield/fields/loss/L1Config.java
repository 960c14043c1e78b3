package org.isofield.fields.loss;

/** tiny-cuda-nn's {@code "L1"} loss: per element {@code |y - d|}. */
public record L1Config() implements LossConfig {
    public static final L1Config DEFAULT = new L1Config();

    @Override
    public String otype() {
        return "L1";
    }
}
