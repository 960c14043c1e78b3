package org.isofield.reconstruction.voromesh;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.IsofieldException;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.CloudChecks;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.FieldKinds;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructor;
import org.isofield.reconstruction.Reconstructors;
import org.isofield.reconstruction.SignedField;

/**
 * VoroMesh (Maruani, Klokov, Ovsjanikov, Alliez, Desbrun, ICCV 2023) from a point cloud alone: the surface is the
 * set of Voronoi faces between generators of opposite occupancy, so it is closed, oriented and free of
 * self-intersections by construction, with far fewer faces than marching cubes at the same detail. The published
 * method takes occupancy from the ground-truth mesh; here it is the sign of a field fitted to the points first
 * ({@code field}: GridPull by default), read at each cell's vertex mean after the generators moved.
 *
 * <p>Pipeline: the field's method (its phases), then {@link VoronoiStage}. The result's mesh is the float copy for
 * drawing and measuring; {@link Reconstruction#exactMesh} holds the double coordinates the checks were made on, which
 * is what {@code reconstruct} writes to PLY. The field is kept, so {@code --save-field} saves the field VoroMesh read.
 * Instances are immutable and thread-safe.
 */
public final class VoroMesh implements Reconstructor {
    /** Points sampled on a saved field's zero set when VoroMesh meshes it without a cloud. */
    public static final int FIELD_SAMPLES = 100_000;

    private final VoroMeshConfig config;

    public VoroMesh(VoroMeshConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public VoroMeshConfig config() {
        return config;
    }

    /** The field's method on the cloud, then the Voronoi stage on the cloud and that field's sign. */
    @Override
    public Reconstruction run(PointCloud input, Progress progress) {
        Map<String, Object> checks = new LinkedHashMap<>();
        PointCloud cloud = CloudChecks.check(input, checks);
        Reconstruction fitted = Reconstructors.create(config.field()).run(cloud, progress);
        FieldFile field = fitted.savedField().orElseThrow(() -> new IsofieldException("voromesh: method "
                + config.field().otype() + " keeps no field; expected a field method (GridPull or NeuralPull) for "
                + "the occupancy"));
        SignedField sign = FieldKinds.of(field, null).signedField(field, null);
        VoronoiStage.Result voronoi = VoronoiStage.run(cloud, sign, config, progress);
        Map<String, Object> details = new LinkedHashMap<>(checks);
        details.put("field_method", config.field().otype());
        details.put("field_details", fitted.details());
        details.put("field_mesh_faces", fitted.mesh().faceCount());
        details.putAll(voronoi.details());
        return result(voronoi, details, field);
    }

    /**
     * VoroMesh of a saved field without its cloud: the points are {@value #FIELD_SAMPLES} samples of the field's own
     * zero set (its kind's extraction at its default resolution), the occupancy the field's sign
     * ({@code isofield extract --extractor voronoi}).
     */
    public Reconstruction extract(FieldFile field, Path file, Progress progress) {
        FieldKind kind = FieldKinds.of(field, file);
        TriangleMesh zeroSet = kind.extract(field, file, FieldKind.Extraction.defaults(), progress).mesh();
        if (zeroSet.faceCount() == 0) {
            throw new IsofieldException("voromesh: the field" + (file == null ? "" : " " + file) + " has no zero set "
                    + "to sample; expected a field that changes sign");
        }
        PointCloud points = SurfaceSampler.sample(zeroSet, FIELD_SAMPLES, config.seed());
        VoronoiStage.Result voronoi = VoronoiStage.run(points, kind.signedField(field, file), config, progress);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field_kind", field.kind());
        details.put("zero_set_samples", points.size());
        details.putAll(voronoi.details());
        return result(voronoi, details, field);
    }

    private static Reconstruction result(VoronoiStage.Result voronoi, Map<String, Object> details, FieldFile field) {
        return new Reconstruction(voronoi.mesh().toTriangleMesh(), details, field, voronoi.mesh());
    }
}
