package org.isofield.reconstruction.neural;

import java.nio.file.Path;
import java.util.Map;
import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.Normalization;
import org.isofield.fields.device.FieldBackends;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.train.NeuralField;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.SignedField;

/**
 * A neural field ({@value NeuralFieldFiles#KIND}: {@code isofield fit}, NeuralPull's {@code --save-field}): meshed by
 * dense marching cubes over the unit cube ({@link FieldExtractor}, {@value FieldExtractor#DEFAULT_RESOLUTION}
 * samples per axis by default) on the backend chosen for it; sphere-traced by the viewer.
 */
public final class NeuralFieldKind extends FieldKind {
    /** Fewest and most samples per axis of an extraction. */
    public static final int MIN_RESOLUTION = 2;
    public static final int MAX_RESOLUTION = 4096;

    public NeuralFieldKind() {
        super(NeuralFieldFiles.KIND, Display.SPHERE_TRACED);
    }

    @Override
    public void checkResolution(int resolution) {
        if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("--resolution " + resolution + ": expected " + MIN_RESOLUTION + " to "
                    + MAX_RESOLUTION);
        }
    }

    @Override
    public Backends.Selection extractionBackend(FieldFile field, Path file, Backend asked, Precision precision) {
        return FieldBackends.select(asked == null ? Backend.AUTO : asked, precision == null ? Precision.FP32
                : precision, NeuralFieldFiles.config(field, file));
    }

    @Override
    public SmallPieces.Result extract(FieldFile field, Path file, Extraction extraction, Progress progress) {
        int n = extraction.resolution() == null ? FieldExtractor.DEFAULT_RESOLUTION : extraction.resolution();
        TriangleMesh raw = FieldExtractor.extract(field, file, n, extraction.backend(), extraction.precision(),
                progress);
        return SmallPieces.remove(raw, extraction.minPieceFraction() == null
                ? SmallPieces.DEFAULT_MIN_PIECE_FRACTION : extraction.minPieceFraction());
    }

    /** The network evaluated at the points mapped to the unit cube by the file's transform. */
    @Override
    public SignedField signedField(FieldFile field, Path file) {
        NeuralField f = FieldExtractor.neuralField(field, file);
        Normalization toUnit = FieldExtractor.normalization(field);
        double s = toUnit.scale();
        Vec3d t = toUnit.translation();
        return (xyz, n, out) -> {
            float[] unit = new float[3 * n];
            for (int i = 0; i < n; i++) {
                unit[3 * i] = (float) (xyz[3 * i] * s + t.x());
                unit[3 * i + 1] = (float) (xyz[3 * i + 1] * s + t.y());
                unit[3 * i + 2] = (float) (xyz[3 * i + 2] * s + t.z());
            }
            f.evaluate(unit, n, out);
        };
    }

    @Override
    public Map<String, Object> summary(FieldFile field, Path file) {
        return Map.of();
    }
}
