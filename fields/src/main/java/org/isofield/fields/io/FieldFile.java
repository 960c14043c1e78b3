package org.isofield.fields.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The content of an {@code .isf} field file ({@link FieldFiles}): what kind of field it is, its config, the
 * world-to-unit-cube transform {@code unit = scale * world + translation}, named float32 parameter blocks, optional
 * optimizer state blocks (so training can resume) and optional metadata.
 *
 * <p>Immutable: the maps are copied (keeping their order) and unmodifiable; the float arrays are shared and must not
 * be written. {@link #equals} compares array contents.
 *
 * @param kind the field kind, e.g. {@code "neural"} or {@code "gridpull-sparse"}: 1 to 64 characters of
 *     {@code a-z 0-9 - _ .}, starting with a letter or digit
 * @param configJson the field's config as JSON text (not parsed here)
 * @param scale world-to-unit-cube scale, finite and above 0
 * @param translation world-to-unit-cube translation, 3 finite values
 * @param blocks parameter blocks by name, e.g. {@code "encoding"}, {@code "network"}: finite values only
 * @param optimizerState optimizer state blocks by name (e.g. Adam moments), possibly empty: finite values only
 * @param metadataJson free JSON metadata (provenance, training log), or null when absent
 */
public record FieldFile(String kind, String configJson, double scale, double[] translation, Map<String, float[]> blocks,
        Map<String, float[]> optimizerState, String metadataJson) {
    /** Pattern of {@link #kind()}. */
    public static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Longest block name in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Most blocks per role. */
    public static final int MAX_BLOCKS = 4096;

    public FieldFile {
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind \"" + kind + "\" is not valid; expected 1 to 64 characters of "
                    + "a-z 0-9 . _ - starting with a letter or digit");
        }
        Objects.requireNonNull(configJson, "configJson");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale = " + scale + "; expected a finite number above 0");
        }
        Objects.requireNonNull(translation, "translation");
        if (translation.length != 3) {
            throw new IllegalArgumentException("translation has length " + translation.length + "; expected 3");
        }
        for (int a = 0; a < 3; a++) {
            if (!Double.isFinite(translation[a])) {
                throw new IllegalArgumentException("translation[" + a + "] = " + translation[a]
                        + "; expected a finite number");
            }
        }
        translation = translation.clone();
        blocks = checkedCopy("blocks", blocks);
        optimizerState = checkedCopy("optimizerState", optimizerState == null ? Map.of() : optimizerState);
    }

    /** A field without optimizer state or metadata. */
    public static FieldFile of(String kind, String configJson, double scale, double[] translation,
            Map<String, float[]> blocks) {
        return new FieldFile(kind, configJson, scale, translation, blocks, Map.of(), null);
    }

    /** A copy with these optimizer state blocks. */
    public FieldFile withOptimizerState(Map<String, float[]> state) {
        return new FieldFile(kind, configJson, scale, translation, blocks, state, metadataJson);
    }

    /** A copy with this metadata (null for none). */
    public FieldFile withMetadata(String json) {
        return new FieldFile(kind, configJson, scale, translation, blocks, optimizerState, json);
    }

    /** The translation (a copy). */
    @Override
    public double[] translation() {
        return translation.clone();
    }

    /** The parameter block with this name. */
    public float[] block(String name) {
        float[] b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no parameter block \"" + name + "\"; present: " + blocks.keySet());
        }
        return b;
    }

    /** Total parameters over all blocks. */
    public long parameterCount() {
        return blocks.values().stream().mapToLong(b -> b.length).sum();
    }

    private static Map<String, float[]> checkedCopy(String what, Map<String, float[]> in) {
        Objects.requireNonNull(in, what);
        if (in.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException(what + " has " + in.size() + " blocks; expected at most " + MAX_BLOCKS);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : in.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), what + " name");
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > MAX_NAME_BYTES) {
                throw new IllegalArgumentException(what + " name \"" + name + "\" has " + bytes
                        + " UTF-8 bytes; expected 1 to " + MAX_NAME_BYTES);
            }
            float[] values = Objects.requireNonNull(e.getValue(), what + " \"" + name + "\"");
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new IllegalArgumentException(what + " \"" + name + "\" has value " + values[i] + " at index "
                            + i + "; expected finite parameters");
                }
            }
            out.put(name, values);
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldFile f && kind.equals(f.kind) && configJson.equals(f.configJson)
                && Double.compare(scale, f.scale) == 0 && Arrays.equals(translation, f.translation)
                && sameBlocks(blocks, f.blocks) && sameBlocks(optimizerState, f.optimizerState)
                && Objects.equals(metadataJson, f.metadataJson);
    }

    private static boolean sameBlocks(Map<String, float[]> a, Map<String, float[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, float[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, configJson, scale, Arrays.hashCode(translation), blocks.keySet(), metadataJson);
    }

    @Override
    public String toString() {
        return "FieldFile[kind=" + kind + ", scale=" + scale + ", translation=" + Arrays.toString(translation)
                + ", blocks=" + sizes(blocks) + ", optimizerState=" + sizes(optimizerState)
                + ", metadata=" + (metadataJson == null ? "none" : metadataJson.length() + " chars") + "]";
    }

    private static String sizes(Map<String, float[]> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(v.length));
        return sb.append('}').toString();
    }
}
