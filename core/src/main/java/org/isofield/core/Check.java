package org.isofield.core;

/**
 * Argument checks for programmer errors: each throws {@link IllegalArgumentException} whose message names the
 * argument, the value found and what was expected. Config records use {@link #configRange} and friends, which throw
 * {@link ConfigException} with the JSON key instead.
 */
public final class Check {
    private Check() {
    }

    /** Requires {@code min <= value <= max}. */
    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + "; expected " + min + " to " + max);
        }
        return value;
    }

    /** Requires {@code min <= value <= max} and a finite value. */
    public static double range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " = " + value + "; expected " + min + " to " + max);
        }
        return value;
    }

    /** Requires {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " = " + value + "; expected a positive number");
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + "; expected a finite positive number");
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " = " + value + "; expected 0 or more");
        }
        return value;
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + "; expected a finite number");
        }
        return value;
    }

    /** Requires an array length that is a multiple of {@code k}. */
    public static void multipleOf(String name, int length, int k) {
        if (length % k != 0) {
            throw new IllegalArgumentException(name + " has length " + length + "; expected a multiple of " + k);
        }
    }

    /** Config check: {@code min <= value <= max}, else a {@link ConfigException} naming the JSON key. */
    public static int configRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "value " + value + " out of range; expected " + min + " to " + max);
        }
        return value;
    }

    /** Config check: finite {@code min <= value <= max}, else a {@link ConfigException} naming the JSON key. */
    public static double configRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, "value " + value + " out of range; expected " + min + " to " + max);
        }
        return value;
    }

    /** Config check: a finite value above zero. */
    public static double configPositive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(key, "value " + value + " must be a finite number above 0");
        }
        return value;
    }
}
