package org.isofield.datasets.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.Vec3d;

/**
 * A Stanford range-scan registration file ({@code .conf}, as in the Stanford 3D Scanning Repository and written by
 * scanalyze): one line per scan, {@code bmesh FILE tx ty tz qx qy qz qw}, mapping the scan's coordinates into the
 * common frame, and optionally one {@code camera tx ty tz qx qy qz qw} line (a viewing pose; kept, not used here).
 *
 * <p><b>Convention, checked on the data.</b> The transform of a line is {@code p' = R(q)^T p + t}: the quaternion
 * is read scalar last ({@code qw} is the fourth number; {@code bun000} is {@code 0 0 0 0 0 0 1}), and the rotation
 * applied is that of its <em>conjugate</em> (scanalyze hands the matrix to OpenGL, which reads it transposed),
 * followed by the translation. On {@code bun000.ply} and {@code bun045.ply} of the repository's bunny this makes
 * 94% of bun045's points lie within 2 mm of bun000, at a nearest-neighbour RMS of 0.42 mm (median spacing 0.52 mm),
 * while every other reading (scalar first; {@code R(q)} instead of {@code R(q)^T}; {@code R (p + t)}; {@code p - t})
 * leaves at most 5% of the points in that band. See {@code docs/decisions/registration.md}.
 *
 * <p>Parsing: blank lines and lines starting with {@code #} are ignored. Any other keyword is an error rather than
 * skipped, since a misspelt {@code bmesh} would otherwise silently drop a scan. A quaternion whose norm is within
 * {@value #QUATERNION_TOLERANCE} of 1 is normalised (the files print 6 significant digits, so norms are off by about
 * 1e-6); one further from 1 is refused. Errors are {@link FormatException}s naming the file and line, what was found
 * and what was expected.
 *
 * @param file where it was read from (for messages and for resolving scan names); may be null
 * @param camera the {@code camera} line's pose, or empty
 * @param scans the {@code bmesh} lines in file order, names unique
 */
public record ConfFile(Path file, Optional<RigidTransform> camera, List<Scan> scans) {
    /** How far from 1 a quaternion's norm may be and still be normalised. */
    public static final double QUATERNION_TOLERANCE = 1e-3;
    private static final String[] POSE_FIELDS = {"tx", "ty", "tz", "qx", "qy", "qz", "qw"};

    /** One {@code bmesh} line: the scan's file name as written, its transform into the common frame, its line. */
    public record Scan(String name, RigidTransform transform, int line) {
        public Scan {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(transform, "transform");
        }
    }

    public ConfFile {
        Objects.requireNonNull(camera, "camera");
        scans = List.copyOf(scans);
    }

    /** Reads and parses a {@code .conf} file. */
    public static ConfFile read(Path file) {
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the lines of a {@code .conf} file; {@code file} is only used in messages and may be null. */
    public static ConfFile parse(Path file, List<String> lines) {
        RigidTransform camera = null;
        Map<String, Scan> scans = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] f = text.split("\\s+");
            switch (f[0]) {
                case "camera" -> {
                    if (camera != null) {
                        throw FormatException.atLine(file, line, "a second camera line; expected at most one");
                    }
                    fieldCount(file, line, f, "camera tx ty tz qx qy qz qw");
                    camera = pose(file, line, f, 1);
                }
                case "bmesh" -> {
                    fieldCount(file, line, f, "bmesh FILE tx ty tz qx qy qz qw");
                    Scan earlier = scans.get(f[1]);
                    if (earlier != null) {
                        throw FormatException.atLine(file, line, "scan \"" + f[1] + "\" listed again (first on line "
                                + earlier.line() + "); expected each scan once");
                    }
                    scans.put(f[1], new Scan(f[1], pose(file, line, f, 2), line));
                }
                default -> throw FormatException.atLine(file, line, "unknown keyword \"" + f[0]
                        + "\"; expected \"bmesh FILE tx ty tz qx qy qz qw\" or \"camera tx ty tz qx qy qz qw\"");
            }
        }
        if (scans.isEmpty()) {
            throw FormatException.inFile(file, "no bmesh lines; expected at least one "
                    + "\"bmesh FILE tx ty tz qx qy qz qw\"");
        }
        return new ConfFile(file, Optional.ofNullable(camera), new ArrayList<>(scans.values()));
    }

    /**
     * The transform of a Stanford pose {@code tx ty tz qx qy qz qw}: {@code p' = R(q)^T p + t}, with {@code q}
     * normalised (it must have a norm within {@value #QUATERNION_TOLERANCE} of 1).
     *
     * @throws IllegalArgumentException for a quaternion further from unit length
     */
    public static RigidTransform stanfordPose(double tx, double ty, double tz, double qx, double qy, double qz,
            double qw) {
        double norm = Math.sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
        if (!(Math.abs(norm - 1) <= QUATERNION_TOLERANCE)) {
            throw new IllegalArgumentException("quaternion (" + qx + " " + qy + " " + qz + " " + qw + ") has norm "
                    + norm + "; expected a unit quaternion (norm within " + QUATERNION_TOLERANCE + " of 1)");
        }
        // the conjugate (-qx, -qy, -qz, qw) rotates by R(q)^T
        return RigidTransform.fromQuaternion(-qx / norm, -qy / norm, -qz / norm, qw / norm, new Vec3d(tx, ty, tz));
    }

    /**
     * The {@code bmesh} line of a scan with this pose, in this format's convention (the inverse of
     * {@link #stanfordPose}), with 9 significant digits.
     */
    public static String line(String name, RigidTransform pose) {
        double[] q = pose.quaternion();
        Vec3d t = pose.translation();
        return String.format(Locale.ROOT, "bmesh %s %.9g %.9g %.9g %.9g %.9g %.9g %.9g", name, t.x(), t.y(), t.z(),
                -q[0] + 0.0, -q[1] + 0.0, -q[2] + 0.0, q[3]);
    }

    /** The scan with this name as written in the file, if listed. */
    public Optional<Scan> scan(String name) {
        return scans.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The scan names in file order. */
    public List<String> names() {
        return scans.stream().map(Scan::name).toList();
    }

    /** Where a scan's file is: its name resolved against the folder of this conf file. */
    public Path resolve(Scan scan) {
        Path dir = file == null ? null : file.toAbsolutePath().getParent();
        return dir == null ? Path.of(scan.name()) : dir.resolve(scan.name()).normalize();
    }

    private static void fieldCount(Path file, int line, String[] f, String syntax) {
        int expected = syntax.split(" ").length;
        if (f.length != expected) {
            throw FormatException.atLine(file, line, f[0] + " line has " + f.length + " fields; expected "
                    + expected + ": " + syntax);
        }
    }

    private static RigidTransform pose(Path file, int line, String[] f, int from) {
        double[] v = new double[7];
        for (int k = 0; k < 7; k++) {
            String s = f[from + k];
            try {
                v[k] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                v[k] = Double.NaN;
            }
            if (!Double.isFinite(v[k])) {
                throw FormatException.atLine(file, line, POSE_FIELDS[k] + " is \"" + s
                        + "\"; expected a finite number");
            }
        }
        try {
            return stanfordPose(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        } catch (IllegalArgumentException e) {
            throw FormatException.atLine(file, line, e.getMessage());
        }
    }
}
