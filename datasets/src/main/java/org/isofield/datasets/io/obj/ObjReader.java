package org.isofield.datasets.io.obj;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.FloatList;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;

/**
 * Reads Wavefront OBJ: {@code v x y z} (an extra w or vertex-colour columns are tolerated and ignored),
 * {@code vn}, and {@code f} in every form ({@code v}, {@code v/vt}, {@code v//vn}, {@code v/vt/vn}) with 1-based or
 * negative (relative) indices; polygons are fan-triangulated. {@code vt} and the grouping, material, smoothing,
 * line, point and free-form statements are ignored; any other statement is an error. {@code #} starts a comment.
 *
 * <p>Topology always comes from the position indices, so a file with one {@code vn} per face keeps its shared
 * vertices. Vertex normals are the normalised sum of the normals of the corners that use each vertex (zero for a
 * vertex no face gives a normal). Two cases pair {@code vn} with {@code v} by index instead, exactly: a file with as
 * many {@code vn} as {@code v} whose faces name no normals (a point cloud) or name for every corner the normal with
 * its vertex's index ({@code f a//a b//b c//c}, as {@link ObjWriter} writes). With {@link ReadOptions#dropNonFinite()}
 * a non-finite {@code vn} counts as no
 * normal. All vertices are kept, referenced or not.
 */
public final class ObjReader implements GeometryReader {
    private static final Set<String> IGNORED = Set.of("vt", "vp", "o", "g", "s", "mg", "usemtl", "mtllib", "l", "p",
            "cstype", "deg", "bmat", "step", "curv", "curv2", "surf", "parm", "trim", "hole", "scrv", "sp", "end",
            "con", "bevel", "c_interp", "d_interp", "lod", "shadow_obj", "trace_obj", "ctech", "stech", "maplib",
            "usemap");

    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (TextInput in = TextInput.open(file, meter)) {
            in.comment('#');
            GeometryBuilder builder = new GeometryBuilder(options.dropNonFinite(), 1 << 12).withFaces(1 << 13);
            FloatList normals = new FloatList(0);
            ObjFaces faces = new ObjFaces(in, builder, normals);
            while (in.nextLine()) {
                if (!in.nextToken()) {
                    continue;
                }
                if (in.tokenIs("v")) {
                    vertex(in, builder);
                } else if (in.tokenIs("f")) {
                    faces.face();
                } else if (in.tokenIs("vn")) {
                    normal(in, normals, options.dropNonFinite());
                } else if (!IGNORED.contains(in.tokenString())) {
                    throw in.error("unknown statement " + in.token() + "; expected v, vn, vt, f or one of the "
                            + "ignored statements (o, g, s, usemtl, mtllib, l, p, ...)");
                }
            }
            faces.finish();
            meter.done();
            return builder.build(GeometryFormat.OBJ);
        }
    }

    private static void vertex(TextInput in, GeometryBuilder builder) {
        in.number("x of a vertex");
        double x = in.value();
        float fx = in.floatValue();
        in.number("y of a vertex");
        double y = in.value();
        float fy = in.floatValue();
        in.number("z of a vertex");
        double z = in.value();
        float fz = in.floatValue();
        int extra = in.remainingTokens();
        if (extra > 4) {
            throw in.error("vertex has " + (3 + extra)
                    + " values; expected x y z, optionally followed by w or by a colour");
        }
        for (int i = 0; i < extra; i++) {
            in.number("w or a colour value of a vertex");
        }
        builder.addPosition(x, fx, y, fy, z, fz, in);
    }

    private static void normal(TextInput in, FloatList normals, boolean dropNonFinite) {
        in.number("x of a normal");
        float x = in.floatValue();
        in.number("y of a normal");
        float y = in.floatValue();
        in.number("z of a normal");
        float z = in.floatValue();
        in.expectEnd("vn x y z");
        if ((x - x) + (y - y) + (z - z) != 0) {
            if (!dropNonFinite) {
                throw in.error("normal " + (normals.size() / 3 + 1) + " is non-finite (" + x + ", " + y + ", " + z
                        + "); expected finite numbers (ReadOptions.dropNonFinite ignores such normals)");
            }
            x = 0;
            y = 0;
            z = 0;
        }
        normals.add(x, y, z);
    }
}
