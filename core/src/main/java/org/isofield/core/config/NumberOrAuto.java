package org.isofield.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.isofield.core.ConfigException;

/**
 * A setting that is either a number or {@code "auto"} (chosen from the data by the component that reads it, which
 * documents how), such as {@code grid_resolution} or {@code smooth_weight}. JSON: the string {@code "auto"} (any case)
 * or a number; whole numbers are written without a fraction. The range, and whether it must be whole, is checked by
 * the config that holds it ({@link #checkRange}, {@link #checkWhole}), so messages name its key.
 */
public final class NumberOrAuto {
    /** Chosen from the data. */
    public static final NumberOrAuto AUTO = new NumberOrAuto(Double.NaN, null);

    private final double value;

    // two parameters, so Jackson never takes this constructor as a creator for plain numbers
    private NumberOrAuto(double value, Void unused) {
        this.value = value;
    }

    /** An explicit value; it must be finite. */
    public static NumberOrAuto of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("found " + value + "; expected a finite number or \"auto\"");
        }
        return new NumberOrAuto(value, null);
    }

    /** Parses {@code "auto"} or a number, as typed on the command line. */
    public static NumberOrAuto parse(String text) {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        try {
            return of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("found \"" + text + "\"; expected a number or \"auto\"");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NumberOrAuto fromJson(JsonNode node) {
        if (node.isTextual()) {
            return parse(node.asText());
        }
        if (node.isNumber()) {
            return of(node.doubleValue());
        }
        throw new IllegalArgumentException("found " + node + "; expected a number or \"auto\"");
    }

    @JsonValue
    public Object toJson() {
        if (isAuto()) {
            return "auto";
        }
        return isWhole() ? (Object) (long) value : (Object) value;
    }

    public boolean isAuto() {
        return Double.isNaN(value);
    }

    /**
     * The explicit value.
     *
     * @throws IllegalStateException when auto: the component resolves it for its data first
     */
    public double value() {
        if (isAuto()) {
            throw new IllegalStateException("the value is \"auto\"; resolve it for the data first");
        }
        return value;
    }

    /** The explicit value, or {@code fallback} when auto. */
    public double orElse(double fallback) {
        return isAuto() ? fallback : value;
    }

    /** The explicit whole value, or {@code fallback} when auto (checked whole by {@link #checkWhole}). */
    public int orElse(int fallback) {
        return isAuto() ? fallback : (int) value;
    }

    /**
     * This value, after checking that an explicit one lies in {@code [min, max]}.
     *
     * @throws ConfigException naming {@code key} when it does not, or when null
     */
    public static NumberOrAuto checkRange(String key, NumberOrAuto v, double min, double max) {
        if (v == null) {
            throw new ConfigException(key, "missing; expected a number from " + min + " to " + max + " or \"auto\"");
        }
        if (!v.isAuto() && !(v.value >= min && v.value <= max)) {
            throw new ConfigException(key, "found " + v + "; expected a number from " + min + " to " + max
                    + " or \"auto\"");
        }
        return v;
    }

    /**
     * This value, after checking that an explicit one is a whole number in {@code [min, max]}.
     *
     * @throws ConfigException naming {@code key} when it is not, or when null
     */
    public static NumberOrAuto checkWhole(String key, NumberOrAuto v, int min, int max) {
        if (v == null) {
            throw new ConfigException(key, "missing; expected " + min + " to " + max + " or \"auto\"");
        }
        if (!v.isAuto() && !(v.isWhole() && v.value >= min && v.value <= max)) {
            throw new ConfigException(key, "found " + v + "; expected a whole number from " + min + " to " + max
                    + " or \"auto\"");
        }
        return v;
    }

    private boolean isWhole() {
        return value == Math.rint(value) && Math.abs(value) < 1e15;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberOrAuto n && Double.compare(n.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
