package org.isofield.datasets.geom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named per-vertex scalars: one {@code float} per point or mesh vertex, such as a scanner's {@code intensity}, a
 * range scan's {@code confidence} or the {@code quality} (distance to the input) that reconstruction writes. They are
 * kept as an unmodifiable, insertion-ordered map from name to {@code float[N]}; names are what PLY files call the
 * properties, so they must be identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}). Helpers here subset, average and
 * check such maps for the classes that carry them ({@link PointCloud}, {@code GeometryData}).
 */
public final class Scalars {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Scalars() {
    }

    /** Whether {@code name} can name a scalar: an identifier. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * An unmodifiable copy of the map (the arrays are shared) after checking each name and length.
     *
     * @throws IllegalArgumentException for a null map entry, a name that is not an identifier or an array whose
     *                                  length is not {@code n}
     */
    public static Map<String, float[]> check(Map<String, float[]> scalars, int n) {
        if (scalars == null || scalars.isEmpty()) {
            return Map.of();
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : scalars.entrySet()) {
            String name = e.getKey();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("scalar name \"" + name + "\" is not an identifier; expected "
                        + "letters, digits and underscores, not starting with a digit");
            }
            float[] v = e.getValue();
            if (v == null || v.length != n) {
                throw new IllegalArgumentException("scalar \"" + name + "\" has " + (v == null ? "no array"
                        : v.length + " values") + "; expected " + n + " (1 per vertex)");
            }
            out.put(name, v);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The scalars of the points {@code index[0..count)}, in that order. */
    public static Map<String, float[]> select(Map<String, float[]> scalars, int[] index, int count) {
        if (scalars.isEmpty()) {
            return Map.of();
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : scalars.entrySet()) {
            float[] src = e.getValue();
            float[] dst = new float[count];
            for (int i = 0; i < count; i++) {
                dst[i] = src[index[i]];
            }
            out.put(e.getKey(), dst);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The scalars averaged over groups: point {@code i} belongs to group {@code group[i]} of {@code 0..groups)}. */
    public static Map<String, float[]> average(Map<String, float[]> scalars, int[] group, int groups) {
        if (scalars.isEmpty()) {
            return Map.of();
        }
        int[] count = new int[groups];
        for (int g : group) {
            count[g]++;
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : scalars.entrySet()) {
            float[] src = e.getValue();
            double[] sum = new double[groups];
            for (int i = 0; i < group.length; i++) {
                sum[group[i]] += src[i];
            }
            float[] dst = new float[groups];
            for (int g = 0; g < groups; g++) {
                dst[g] = (float) (sum[g] / count[g]);
            }
            out.put(e.getKey(), dst);
        }
        return Collections.unmodifiableMap(out);
    }
}
