package org.isofield.reconstruction.neural;

import java.nio.file.Path;
import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.core.FormatException;
import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.Normalization;
import org.isofield.fields.device.DeviceNeuralField;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.train.NeuralField;
import org.isofield.reconstruction.mc.MarchingCubes;
import org.isofield.reconstruction.mc.MarchingCubesConfig;
import org.isofield.reconstruction.mc.SampleGrid;

/**
 * Meshes the zero level set of a stored field: rebuilds the field from its file's config and parameter blocks,
 * samples it on a {@code resolution^3} grid spanning the unit cube (corners included), runs
 * {@link MarchingCubes} (closed at the cube's faces, so the mesh is watertight) and maps the vertices back to world
 * coordinates with the inverse of the file's world-to-unit transform.
 *
 * <p>Supported kinds: {@value SdfFit#KIND}. A file whose config does not parse is a {@link ConfigException}
 * (path inside the config); one whose blocks do not fit its config (missing, wrong length), or of another kind, is a
 * {@link FormatException}.
 */
public final class FieldExtractor {
    /** Default samples per axis. */
    public static final int DEFAULT_RESOLUTION = 256;

    private FieldExtractor() {
    }

    /** Reads a field file and meshes it at {@code resolution} samples per axis. */
    public static TriangleMesh extract(Path file, int resolution, Progress progress) {
        return extract(FieldFiles.read(file), file, resolution, progress);
    }

    /** Meshes a field at {@code resolution} samples per axis. */
    public static TriangleMesh extract(FieldFile field, int resolution, Progress progress) {
        return extract(field, null, resolution, progress);
    }

    /**
     * Rebuilds the neural field stored in {@code field} ({@code file} names it in messages, may be null).
     *
     * @throws FormatException for another kind, or blocks that do not fit the config
     * @throws ConfigException for a config that does not parse
     */
    public static NeuralField neuralField(FieldFile field, Path file) {
        Objects.requireNonNull(field, "field");
        if (!SdfFit.KIND.equals(field.kind())) {
            throw FormatException.inFile(file, "field kind \"" + field.kind() + "\" cannot be extracted; supported: "
                    + SdfFit.KIND);
        }
        return NeuralFieldFiles.field(field, file);
    }

    /** The world-to-unit-cube transform stored in a field file. */
    public static Normalization normalization(FieldFile field) {
        double[] t = field.translation();
        return new Normalization(field.scale(), new Vec3d(t[0], t[1], t[2]));
    }

    /** Meshes a field at {@code resolution} samples per axis on the CPU; {@code file} names it in messages. */
    public static TriangleMesh extract(FieldFile field, Path file, int resolution, Progress progress) {
        return extract(field, file, resolution, new Backends.Selection(Backend.CPU, null, "asked for"), progress);
    }

    /**
     * Meshes a field at {@code resolution} samples per axis, its values evaluated on {@code backend} (a device
     * evaluates the grid in chunks of {@link DeviceNeuralField#CHUNK} points); {@code file} names it in messages.
     */
    public static TriangleMesh extract(FieldFile field, Path file, int resolution, Backends.Selection backend,
                                       Progress progress) {
        return extract(field, file, resolution, backend, Precision.FP32, progress);
    }

    /** As above, the network's forward pass on a device in {@code precision} (fp16: CUDA tensor cores). */
    public static TriangleMesh extract(FieldFile field, Path file, int resolution, Backends.Selection backend,
                                       Precision precision, Progress progress) {
        Check.range("resolution", resolution, 2, 1 << 12);
        NeuralField f = neuralField(field, file);
        Progress p = progress == null ? Progress.NONE : progress;
        TriangleMesh unit;
        if (backend.onDevice()) {
            try (DeviceNeuralField d = new DeviceNeuralField(backend.device(), f, precision)) {
                unit = new MarchingCubes(MarchingCubesConfig.DEFAULT).extract(d::evaluate,
                        SampleGrid.unitCube(resolution), p);
            }
        } else {
            unit = new MarchingCubes(MarchingCubesConfig.DEFAULT).extract(f::evaluate, SampleGrid.unitCube(resolution),
                    p);
        }
        return normalization(field).inverse().apply(unit);
    }
}
