package org.isofield.fields.loss;

/** tiny-cuda-nn's {@code "L2"} loss: per element {@code (y - d)^2}. */
public record L2Config() implements LossConfig {
    public static final L2Config DEFAULT = new L2Config();

    @Override
    public String otype() {
        return "L2";
    }
}
