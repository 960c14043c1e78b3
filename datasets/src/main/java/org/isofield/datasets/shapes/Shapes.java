package org.isofield.datasets.shapes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Static entry points for the built-in analytic shapes, each with a default size that fits in
 * {@code [-0.5, 0.5]^3} (the CLI demo's unit cube):
 * <ul>
 *   <li>{@code sphere}: {@link Sphere} of radius 0.4;</li>
 *   <li>{@code torus}: {@link Torus} with major radius 0.3 and minor radius 0.12 (around z);</li>
 *   <li>{@code rounded-box}: {@link RoundedBox} with half extents 0.4, 0.3, 0.2 and radius 0.08;</li>
 *   <li>{@code capsule}: {@link Capsule} with half length 0.25 and radius 0.15 (along z);</li>
 *   <li>{@code csg-part}: {@link CsgPart}, a 0.7 x 0.7 x 0.3 block with a through hole of radius 0.15.</li>
 * </ul>
 */
public final class Shapes {
    private static final Map<String, Supplier<AnalyticShape>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("sphere", () -> new Sphere(0.4));
        DEFAULTS.put("torus", () -> new Torus(0.3, 0.12));
        DEFAULTS.put("rounded-box", () -> new RoundedBox(0.4, 0.3, 0.2, 0.08));
        DEFAULTS.put("capsule", () -> new Capsule(0.25, 0.15));
        DEFAULTS.put("csg-part", () -> new CsgPart(0.35, 0.15, 0.15));
    }

    private Shapes() {
    }

    /**
     * The built-in shape with this name (ignoring case), at its default size.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static AnalyticShape byName(String name) {
        Objects.requireNonNull(name, "name");
        Supplier<AnalyticShape> s = DEFAULTS.get(name.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown shape \"" + name + "\"; known: " + String.join(", ", names()));
        }
        return s.get();
    }

    /** Names accepted by {@link #byName}, in a fixed order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(DEFAULTS.keySet());
    }
}
