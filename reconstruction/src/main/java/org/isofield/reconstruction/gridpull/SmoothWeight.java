package org.isofield.reconstruction.gridpull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The weight of GridPull's continuity loss: a number (0 or more) or {@code "auto"}, chosen from how noisy the cloud
 * is ({@link NoiseEstimate}). A clean cloud needs little continuity (it rounds off detail and costs normal
 * consistency: clean bunny 0.9921 at weight 1, 0.9931 at 0.2), a noisy one needs it (noisy bunny Chamfer-L1
 * 0.00303 at 1, 0.00431 at 0.2). Auto gives {@value #CLEAN} up to a thickness ratio of {@value #CLEAN_BELOW},
 * {@value #NOISY} from {@value #NOISY_ABOVE}, and a linear blend between. Measured ratios of 100k-point samples:
 * clean 0.02-0.08, with noise 0.005 of the diagonal 0.73-0.74.
 */
public final class SmoothWeight {
    /** Auto's weight for clean clouds. */
    public static final double CLEAN = 0.2;
    /** Auto's weight for noisy clouds. */
    public static final double NOISY = 1.0;
    /** Thickness ratio up to which a cloud counts as clean. */
    public static final double CLEAN_BELOW = 0.15;
    /** Thickness ratio from which a cloud counts as noisy. */
    public static final double NOISY_ABOVE = 0.5;
    /** Chosen from the cloud. */
    public static final SmoothWeight AUTO = new SmoothWeight(Double.NaN, null);

    private final double value;

    // two parameters, so Jackson never takes this constructor as a creator for plain numbers
    private SmoothWeight(double value, Void unused) {
        this.value = value;
    }

    /** An explicit weight, 0 to 1e6. */
    public static SmoothWeight of(double w) {
        if (!(w >= 0 && w <= 1e6)) {
            throw new IllegalArgumentException("weight " + w + " is out of range; expected 0 to 1e6 or \"auto\"");
        }
        return new SmoothWeight(w, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SmoothWeight fromJson(JsonNode node) {
        if (node.isTextual() && node.asText().trim().toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        if (node.isNumber()) {
            return of(node.doubleValue());
        }
        if (node.isTextual()) {
            try {
                return of(Double.parseDouble(node.asText().trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("found " + node + "; expected a number from 0 to 1e6 or \"auto\"");
    }

    @JsonValue
    public Object toJson() {
        return isAuto() ? "auto" : (Object) value;
    }

    public boolean isAuto() {
        return Double.isNaN(value);
    }

    /**
     * The explicit weight.
     *
     * @throws IllegalStateException when auto: resolve it for the cloud first
     */
    public double value() {
        if (isAuto()) {
            throw new IllegalStateException("smooth_weight is auto; resolve it for the cloud first (resolve)");
        }
        return value;
    }

    /** The explicit weight, or auto's choice for a cloud of this {@link NoiseEstimate#thickness} ratio. */
    public double resolve(double thickness) {
        if (!isAuto()) {
            return value;
        }
        double t = Math.max(0, Math.min(1, (thickness - CLEAN_BELOW) / (NOISY_ABOVE - CLEAN_BELOW)));
        return CLEAN + t * (NOISY - CLEAN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmoothWeight w && Double.compare(w.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return isAuto() ? "auto" : Double.toString(value);
    }
}
