package org.isofield.render.scene;

/**
 * A perceptual colour map: colours at evenly spaced anchors, linear in between. {@link #VIRIDIS} (van der Walt and
 * Smith, matplotlib 2015) rises monotonically in lightness from dark purple to yellow, reads in grey scale and for
 * the common colour-vision deficiencies. The shaders hold the same anchors ({@code colormap.glsl}), so host colours
 * (the colour bar) and drawn colours agree. Immutable and thread-safe.
 */
public final class ColorMap {
    /** Viridis at ten evenly spaced anchors (the published ten-colour palette). */
    public static final ColorMap VIRIDIS = new ColorMap("viridis", new int[] {0x440154, 0x482878, 0x3e4a89, 0x31688e,
        0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725});

    private final String name;
    private final int[] anchors;

    private ColorMap(String name, int[] anchors) {
        this.name = name;
        this.anchors = anchors.clone();
    }

    public String name() {
        return name;
    }

    /** The anchor colours as packed {@code 0xRRGGBB}, first to last. */
    public int[] anchors() {
        return anchors.clone();
    }

    /** The colour at {@code t}, clamped to [0, 1] (NaN maps to 0), interpolated as the shader does. */
    public Rgb at(double t) {
        float x = (float) (Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t))) * (anchors.length - 1);
        int i = Math.min((int) x, anchors.length - 2);
        float f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return new Rgb(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static float mix(int a, int b, float f) {
        float ca = (a & 255) / 255f;
        float cb = (b & 255) / 255f;
        return Math.max(0f, Math.min(1f, ca + (cb - ca) * f));
    }

    @Override
    public String toString() {
        return name;
    }
}
