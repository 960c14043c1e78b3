package org.isofield.datasets.io.pcd;

import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.Locator;

/**
 * Where the PCD bodies put their points: applies the non-finite rule and collects positions, normals, colours and
 * intensities. A point with a NaN coordinate is how PCL marks a missing point (the empty pixels of an organised
 * cloud, the rejects of a filter that keeps the organisation): such points are always dropped and counted in
 * {@link GeometryData#droppedNonFinite()}. An infinite coordinate or a non-finite normal is an error unless
 * {@link org.isofield.datasets.io.ReadOptions#dropNonFinite()}, which drops those points too.
 */
final class PcdPoints {
    private final PcdLayout layout;
    private final boolean strict;
    private final GeometryBuilder builder;
    /** Intensity per point in file order (dropped points included), or null without an intensity field. */
    private final float[] intensity;

    PcdPoints(PcdLayout layout, int points, boolean dropNonFinite) {
        this.layout = layout;
        this.strict = !dropNonFinite;
        this.builder = new GeometryBuilder(true, points);
        if (layout.normals) {
            builder.withNormals();
        }
        if (layout.colors) {
            builder.withColors();
        }
        this.intensity = layout.intensity ? new float[points] : null;
    }

    /**
     * Adds the next point; normals, {@code rgb} (packed {@code 0x..RRGGBB}) and intensity are ignored when the
     * layout has none.
     */
    void add(double x, double y, double z, double nx, double ny, double nz, int rgb, double value, Locator at) {
        int i = builder.vertexCount();
        boolean missing = Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(z);
        if (strict && !missing) {
            if (!(finite(x) && finite(y) && finite(z))) {
                throw nonFinite(at, i, "position", x, y, z);
            }
            if (layout.normals && !(finite(nx) && finite(ny) && finite(nz))) {
                throw nonFinite(at, i, "normal", nx, ny, nz);
            }
        }
        builder.addPosition(x, y, z, at);
        if (layout.normals) {
            builder.addNormal((float) nx, (float) ny, (float) nz, at);
        }
        if (layout.colors) {
            builder.addColor(((rgb >>> 16) & 0xFF) / 255f, ((rgb >>> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
        }
        if (intensity != null) {
            intensity[i] = (float) value;
        }
    }

    private static RuntimeException nonFinite(Locator at, int i, String what, double a, double b, double c) {
        return at.error("vertex " + i + " has a non-finite " + what + " (" + a + ", " + b + ", " + c
                + "); expected finite numbers (ReadOptions.dropNonFinite drops such points; points with a NaN "
                + "coordinate, PCL's missing points, are always dropped)");
    }

    private static boolean finite(double v) {
        return v - v == 0;
    }

    /** Number of points added so far. */
    int count() {
        return builder.vertexCount();
    }

    /** The collected points; intensities become the scalar {@code intensity}, compacted like the positions. */
    GeometryData build() {
        if (intensity != null) {
            builder.setScalar("intensity", intensity);
        }
        return builder.build(GeometryFormat.PCD);
    }

}
