package org.isofield.reconstruction.voromesh;

import java.util.List;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.reconstruction.ReconstructorConfig;
import org.isofield.reconstruction.gridpull.GridPullConfig;

/**
 * Settings of {@link VoroMesh} (otype {@code "VoroMesh"}). Lengths of the optimisation are in the paper's frame: the
 * cloud's box centred and scaled to a diagonal of 2.
 *
 * @param field the method whose signed field gives the occupancy (GridPull by default; NeuralPull works too); any
 *     reconstructor that keeps a field, not VoroMesh itself
 * @param voronoiResolution grid cells across the longest side of the cloud's box whose centres start the generators,
 *     8 to 1024: the cells within one cell of a point (their 3x3x3 neighbourhood holds one)
 * @param steps Adam steps of VoroLoss, 0 (generators stay at the cell centres) to 100000
 * @param learningRate Adam's step in the diagonal-2 frame (the paper's 5e-3)
 * @param milestones the steps after which the learning rate is multiplied by {@code decay} (the paper's 80, 150,
 *     200, 250 of 400), increasing
 * @param decay the factor at each milestone, above 0 to 1 (the paper's 0.5)
 * @param sampleFraction the fraction of the points drawn afresh for each step (the paper's 0.2), above 0 to 1
 * @param neighbors other generators near each point whose bisector planes VoroLoss considers, 1 to 64 (the paper's
 *     10)
 * @param project move the points onto the field's zero set before fitting ({@link ZeroSetProjection}), so the
 *     cloud's noise does not reach the mesh
 * @param thinFeatureSamples per axis, the samples of the field in each cell that holds a point but whose corners
 *     share a sign, 0 (off) to 16: a sample of the other sign adds fixed generators there ({@link ThinFeatures}), so
 *     parts thinner than a cell (down to about 1/samples of it) are kept
 * @param minPieceFraction closed pieces with fewer faces than this fraction of the largest are removed (spurious
 *     sign islands of the field), 0 to 1
 * @param collapseLength mesh edges shorter than this fraction of a lattice cell are collapsed ({@link
 *     org.isofield.datasets.clean.ShortEdges}), 0 (the exact diagram's faces) to 0.25: such edges add triangles and
 *     no shape. When the collapsed mesh fails a guarantee check, the stage keeps the exact faces and says so
 *     ({@code collapse_fallback})
 * @param float32 write float32 coordinates instead of double; the mesh is checked again after rounding and the
 *     report says whether the guarantees survived
 * @param seed seed of the per-step draws of points
 */
public record VoroMeshConfig(ReconstructorConfig field, int voronoiResolution, int steps, double learningRate,
        List<Integer> milestones, double decay, double sampleFraction, int neighbors, boolean project,
        int thinFeatureSamples, double minPieceFraction, double collapseLength, boolean float32, long seed)
        implements ReconstructorConfig {
    /** The default {@code collapse_length}; the reasons are in docs/decisions/voromesh.md. */
    public static final double COLLAPSE_LENGTH = 0.1;

    /** The default {@code thin_feature_samples}; the reasons are in docs/decisions/voromesh.md. */
    public static final int THIN_FEATURE_SAMPLES = 5;

    /** The defaults: the paper's optimisation on GridPull's field at resolution 128. */
    public static final VoroMeshConfig DEFAULT = new VoroMeshConfig(GridPullConfig.DEFAULT, 128, 400, 5e-3,
            List.of(80, 150, 200, 250), 0.5, 0.2, 10, true, THIN_FEATURE_SAMPLES, 0.01, COLLAPSE_LENGTH, false, 0L);

    /** Smallest and largest {@code voronoi_resolution}. */
    public static final int MIN_RESOLUTION = 8;
    public static final int MAX_RESOLUTION = 1024;

    public VoroMeshConfig {
        if (field == null) {
            throw new ConfigException("field", "missing; expected a reconstructor block such as {\"otype\": "
                    + "\"GridPull\"}");
        }
        if (field instanceof VoroMeshConfig) {
            throw new ConfigException("field", "is VoroMesh; expected a method with a signed field (GridPull or "
                    + "NeuralPull)");
        }
        Check.configRange("voronoi_resolution", voronoiResolution, MIN_RESOLUTION, MAX_RESOLUTION);
        Check.configRange("steps", steps, 0, 100_000);
        Check.configRange("learning_rate", learningRate, 1e-9, 1.0);
        if (milestones == null) {
            throw new ConfigException("milestones", "missing; expected a list of increasing steps such as [80, 150]");
        }
        for (int i = 0; i < milestones.size(); i++) {
            Integer m = milestones.get(i);
            if (m == null || m < 1 || (i > 0 && m <= milestones.get(i - 1))) {
                throw new ConfigException("milestones", "found " + milestones + "; expected increasing steps of 1 or "
                        + "more");
            }
        }
        milestones = List.copyOf(milestones);
        Check.configRange("decay", decay, 1e-6, 1.0);
        Check.configRange("sample_fraction", sampleFraction, 1e-6, 1.0);
        Check.configRange("neighbors", neighbors, 1, 64);
        Check.configRange("thin_feature_samples", thinFeatureSamples, 0, 16);
        Check.configRange("min_piece_fraction", minPieceFraction, 0.0, 1.0);
        Check.configRange("collapse_length", collapseLength, 0.0, 0.25);
    }

    @Override
    public String otype() {
        return "VoroMesh";
    }

    /** The learning rate at step {@code step} (0-based): halved (times decay) after each milestone passed. */
    public double learningRateAt(int step) {
        double lr = learningRate;
        for (int m : milestones) {
            if (step >= m) {
                lr *= decay;
            }
        }
        return lr;
    }
}
