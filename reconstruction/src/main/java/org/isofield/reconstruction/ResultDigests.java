package org.isofield.reconstruction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.fields.io.FieldFile;

/**
 * A log of what every {@link Reconstruction} produced, for proving that a change keeps results byte-identical: when
 * the environment variable {@value #ENV} names a file, each result appends one line to it with the SHA-256 of its
 * mesh (vertices, faces, normals as little-endian bits), of its field's parameter blocks, and its details with keys
 * sorted. {@code scripts/mesh_identity.sh} runs the default tests and the shared-set table under two builds and
 * compares the lines. Without the variable nothing is done; a failing write is reported on stderr and never fails
 * the reconstruction.
 */
final class ResultDigests {
    /** The environment variable naming the log file. */
    static final String ENV = "ISOFIELD_DIGEST_LOG";
    private static final String TARGET = System.getenv(ENV);

    private ResultDigests() {
    }

    static void record(TriangleMesh mesh, Map<String, Object> details, FieldFile field) {
        if (TARGET == null || TARGET.isEmpty()) {
            return;
        }
        String line = "mesh " + meshDigest(mesh) + " faces " + mesh.faceCount() + " field "
                + (field == null ? "none" : field.kind() + ":" + blocksDigest(field)) + " details "
                + canonical(details) + "\n";
        synchronized (ResultDigests.class) {
            try {
                Files.writeString(Path.of(TARGET), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("isofield: could not append to " + ENV + "=" + TARGET + ": " + e.getMessage());
            }
        }
    }

    /** The value's text with every map's keys sorted, at any depth (Map.of iterates in a per-JVM order). */
    static String canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof Iterable<?> it) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : it) {
                b.append(b.length() > 1 ? ", " : "").append(canonical(o));
            }
            return b.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** SHA-256 of the mesh's origin, vertices, faces and normals, in that order. */
    static String meshDigest(TriangleMesh mesh) {
        MessageDigest md = sha256();
        ByteBuffer o = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        o.putDouble(mesh.origin().x()).putDouble(mesh.origin().y()).putDouble(mesh.origin().z());
        md.update(o.flip());
        update(md, mesh.vertices());
        ByteBuffer b = ByteBuffer.allocate(4 * mesh.faces().length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(mesh.faces());
        md.update(b);
        update(md, mesh.normals());
        return HexFormat.of().formatHex(md.digest());
    }

    private static String blocksDigest(FieldFile field) {
        MessageDigest md = sha256();
        for (Map.Entry<String, float[]> e : field.blocks().entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            update(md, e.getValue());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static void update(MessageDigest md, float[] values) {
        if (values == null) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        md.update(b.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
