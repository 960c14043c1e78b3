package org.isofield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SelfIntersections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield info FILE}: what a file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Print what a geometry file holds: format, counts, attributes, bounds, and mesh checks for "
                + "meshes;",
            "for an .isf field: its kind, the world box of its unit cube, its blocks, and a grid's lattice and "
            + "bricks."})
final class InfoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Parameters(paramLabel = "FILE", description = "A PLY, OBJ, OFF, XYZ or STL file, or an .isf field file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--no-checks", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run mesh checks (watertight, components, genus, self-intersections). Default: on.")
    boolean checks = true;

    @Override
    public Integer call() {
        InputOptions.existing(common.mixee.commandLine(), file);
        if (GridFieldMeshes.isFieldFile(file)) {
            print(common.phase("read", () -> FieldInfo.describe(file)));
            return 0;
        }
        GeometryData data = common.phase("read", () -> GeometryIO.read(file, input.readOptions(common.progress())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("format", data.format() == null ? "unknown" : data.format().name());
        out.put("vertices", data.vertexCount());
        out.put("faces", data.faceCount());
        out.put("normals", data.hasNormals());
        out.put("colors", data.hasColors());
        if (data.droppedNonFinite() > 0) {
            out.put("dropped_non_finite", data.droppedNonFinite());
        }
        Aabb b = data.bounds();
        if (!b.isEmpty()) {
            out.put("bounds_min", new double[] {b.minX(), b.minY(), b.minZ()});
            out.put("bounds_max", new double[] {b.maxX(), b.maxY(), b.maxZ()});
            out.put("diagonal", b.diagonal());
        }
        if (data.hasFaces() && checks) {
            MeshReport r = common.phase("mesh checks", () -> MeshChecks.check(data.toMesh(), SelfIntersections::count));
            out.put("mesh", EvalCommand.meshJson(r));
        }
        print(out);
        return 0;
    }

    private void print(Map<String, Object> out) {
        if (json) {
            common.out().println(Json.write(out));
        } else {
            printTable(out);
        }
    }

    private void printTable(Map<String, Object> out) {
        for (Map.Entry<String, Object> e : out.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> me : m.entrySet()) {
                    common.out().printf("%-20s %s%n", e.getKey() + "." + me.getKey(), me.getValue());
                }
            } else if (v instanceof double[] a) {
                common.out().printf("%-20s %.6g %.6g %.6g%n", e.getKey(), a[0], a[1], a[2]);
            } else if (v instanceof Double d) {
                common.out().printf("%-20s %.6g%n", e.getKey(), d);
            } else {
                common.out().printf("%-20s %s%n", e.getKey(), v);
            }
        }
    }
}
