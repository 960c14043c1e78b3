package org.isofield.fields.loss;

/** tiny-cuda-nn's {@code "RelativeL2"} loss: per element {@code (y - d)^2 / (y^2 + 0.01), the denominator held constant
 * in the gradient}. */
public record RelativeL2Config() implements LossConfig {
    public static final RelativeL2Config DEFAULT = new RelativeL2Config();

    @Override
    public String otype() {
        return "RelativeL2";
    }
}
