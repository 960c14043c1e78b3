package org.isofield.datasets.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isofield.core.ConfigException;
import org.isofield.core.FormatException;

/**
 * The geometry file formats isofield reads and writes, with the file extensions that select each one (compared
 * ignoring case) and the attributes each can hold.
 *
 * <ul>
 *   <li>{@link #PLY} ({@code .ply}): ascii and binary, vertices with normals and colours, polygon faces.</li>
 *   <li>{@link #OBJ} ({@code .obj}): text, vertices, per-corner normals, polygon faces; no colours.</li>
 *   <li>{@link #OFF} ({@code .off}): text, vertices, normals ({@code NOFF}), colours ({@code COFF}), polygons.</li>
 *   <li>{@link #XYZ} ({@code .xyz}, {@code .xyzn}, {@code .txt}): text, one point per line, {@code x y z} or
 *       {@code x y z nx ny nz}; no faces, no colours. {@code .pts} is deliberately not accepted: Leica PTS files
 *       start with a count line and carry intensity and colour columns that would be misread as normals.</li>
 *   <li>{@link #STL} ({@code .stl}): ascii and binary triangles only; no vertex normals, no colours.</li>
 *   <li>{@link #PCD} ({@code .pcd}): the Point Cloud Library's format, ascii, binary and binary_compressed
 *       (read), binary and ascii (written); points with normals and packed rgb colours; no faces. Intensity is
 *       parsed but not yet kept; other fields are skipped.</li>
 *   <li>{@link #LAS} ({@code .las}): ASPRS LAS 1.0 to 1.4, point data formats 0 to 10 (read), 1.2 formats 0 and
 *       2 (written); points with 16-bit RGB colours where the point format has them; no normals, no faces.
 *       Compressed LAZ is refused.</li>
 * </ul>
 *
 * <p>A name ending in {@code .gz} selects the format of the extension before it ({@code scan.ply.gz} is PLY):
 * {@link GeometryIO} decompresses such files when reading and compresses when writing.
 */
public enum GeometryFormat {
    PLY(List.of("ply"), true, true, true),
    OBJ(List.of("obj"), true, true, false),
    OFF(List.of("off"), true, true, true),
    XYZ(List.of("xyz", "xyzn", "txt"), false, true, false),
    STL(List.of("stl"), true, false, false),
    PCD(List.of("pcd"), false, true, true),
    LAS(List.of("las"), false, false, true);

    /** The suffix of gzip-compressed files, lower case. */
    public static final String GZIP_SUFFIX = ".gz";

    private final List<String> extensions;
    private final boolean faces;
    private final boolean normals;
    private final boolean colors;

    GeometryFormat(List<String> extensions, boolean faces, boolean normals, boolean colors) {
        this.extensions = extensions;
        this.faces = faces;
        this.normals = normals;
        this.colors = colors;
    }

    /** Lower-case extensions without the dot, the first being the one writers prefer. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether files of this format can hold faces (triangles or polygons). */
    public boolean canHoldFaces() {
        return faces;
    }

    /** Whether files of this format can hold per-vertex normals. */
    public boolean canHoldNormals() {
        return normals;
    }

    /** Whether files of this format can hold per-vertex colours. */
    public boolean canHoldColors() {
        return colors;
    }

    /** Whether {@code file}'s name ends in {@code .gz}, ignoring case. */
    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(GZIP_SUFFIX);
    }

    /**
     * The format selected by a file's extension, ignoring case; for a name ending in {@code .gz}, the extension
     * before it ({@code scan.PLY.gz} is {@link #PLY}).
     *
     * @throws FormatException when the extension is missing or unknown; the message lists the known extensions
     */
    public static GeometryFormat fromPath(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        if (isGzip(file)) {
            s = s.substring(0, s.length() - GZIP_SUFFIX.length());
        }
        int dot = s.lastIndexOf('.');
        String ext = dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (GeometryFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return f;
            }
        }
        String found = (dot < 0 ? "no extension" : "extension \"." + ext + "\"")
                + (isGzip(file) ? " before .gz" : "");
        throw FormatException.inFile(file, "unknown geometry file type (" + found + "); expected one of "
                + String.join(", ", allExtensions()) + " (each also as .gz), or name the format explicitly");
    }

    /**
     * The format with this name ({@code "ply"}, {@code "OBJ"}, ...), ignoring case.
     *
     * @throws ConfigException (key {@code format}) for an unknown name; the message lists the known ones
     */
    public static GeometryFormat fromName(String name) {
        for (GeometryFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new ConfigException("format", "unknown geometry format \"" + name + "\"; expected auto, "
                + String.join(", ", names()));
    }

    /** Every known extension with its dot, e.g. {@code .ply}. */
    public static List<String> allExtensions() {
        List<String> all = new ArrayList<>();
        for (GeometryFormat f : values()) {
            for (String e : f.extensions) {
                all.add("." + e);
            }
        }
        return all;
    }

    /** The lower-case format names, e.g. {@code ply}. */
    public static List<String> names() {
        List<String> all = new ArrayList<>();
        for (GeometryFormat f : values()) {
            all.add(f.name().toLowerCase(Locale.ROOT));
        }
        return all;
    }
}
