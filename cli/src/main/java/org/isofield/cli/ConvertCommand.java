package org.isofield.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code isofield convert IN OUT}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a geometry file to another format, chosen by the output's extension.")
final class ConvertCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "IN", description = "Input file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file; its extension picks the format.")
    Path out;

    @Override
    public Integer call() {
        InputOptions.existing(common.mixee.commandLine(), in);
        GeometryFormat target = output.formatFor(common.mixee.commandLine(), out);
        GeometryData data = common.phase("read", () -> GeometryIO.read(in, input.readOptions(common.progress())));
        if (data.hasFaces() && !target.canHoldFaces()) {
            common.err().println("isofield: note: " + target.name() + " holds no faces; writing the "
                    + data.vertexCount() + " vertices only");
            data = new GeometryData(data.format(), data.positions(), data.normals(), data.colors(), data.scalars(),
                    null, data.origin(), data.droppedNonFinite());
        }
        if (data.normals() != null && !target.canHoldNormals()) {
            common.err().println("isofield: note: " + target.name() + " holds no vertex normals; the "
                    + data.vertexCount() + " normals are not written");
        }
        if (data.colors() != null && !target.canHoldColors()) {
            common.err().println("isofield: note: " + target.name() + " holds no colours; the "
                    + data.vertexCount() + " vertex colours are not written");
        }
        GeometryData written = data;
        common.phase("write", () -> GeometryIO.write(written, out, output.writeOptions(common.progress())));
        common.wrote(out, "wrote " + out + " (" + target.name() + ", " + data.vertexCount() + " vertices, "
                + data.faceCount() + " faces)");
        return 0;
    }
}
