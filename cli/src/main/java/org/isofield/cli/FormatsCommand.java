package org.isofield.cli;

import java.util.concurrent.Callable;
import org.isofield.datasets.io.GeometryFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code isofield formats}: the file formats and what each can hold. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the file formats and what each can hold.")
final class FormatsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        common.out().printf("%-6s %-22s %-6s %-8s %-7s%n", "format", "extensions", "faces", "normals", "colors");
        for (GeometryFormat f : GeometryFormat.values()) {
            common.out().printf("%-6s %-22s %-6s %-8s %-7s%n", f.name(), String.join(" ", f.extensions()),
                    yes(f.canHoldFaces()), yes(f.canHoldNormals()), yes(f.canHoldColors()));
        }
        return 0;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
