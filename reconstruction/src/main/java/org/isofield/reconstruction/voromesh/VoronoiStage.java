package org.isofield.reconstruction.voromesh;

import static org.isofield.core.ProgressMeter.stage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.clean.ShortEdges;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.delaunay.Delaunay3d;
import org.isofield.datasets.index.delaunay.VoronoiBoundary;
import org.isofield.datasets.index.delaunay.VoronoiVertices;
import org.isofield.datasets.metrics.ExactVertexMerge;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SelfIntersections;
import org.isofield.reconstruction.SignedField;

/**
 * The Voronoi part of VoroMesh, on top of a signed field: move the points onto the field's zero set
 * ({@link ZeroSetProjection}, when {@code project}), start the generators ({@link Generators}) and add fixed ones in
 * parts thinner than a cell ({@link ThinFeatures}), fit the others to the points ({@link GeneratorFit}), triangulate
 * them with the eight corners in world coordinates ({@link Delaunay3d}), label each cell by the field's sign at the
 * mean of its Voronoi vertices ({@link VoronoiVertices#cellBarycentres}, as the published code does; a thin-feature
 * generator's cell by the sign at the generator, which the mean of a cell wider than the part can leave; hull cells
 * are outside), take the faces between inside and outside cells
 * ({@link VoronoiBoundary}), drop small closed pieces, and check the result for the coordinates it will be written
 * with. Each stage is its own progress phase.
 */
public final class VoronoiStage {
    /** Rounds of freezing the vertices of crossing faces before the exact faces are written instead. */
    static final int COLLAPSE_RETRIES = 3;

    private VoronoiStage() {
    }

    /**
     * The mesh and what the stages measured.
     *
     * @param mesh the surface in world coordinates (double), outward, closed
     * @param checks the mesh's checks, self-intersections counted, for the coordinates as they will be written
     * @param details snake_case entries for the report
     */
    public record Result(DoubleMesh mesh, MeshReport checks, Map<String, Object> details) {
    }

    /** Runs the stages for a cloud (world coordinates) and a field whose sign is the occupancy. */
    public static Result run(PointCloud input, SignedField field, VoroMeshConfig config, Progress progress) {
        double cell = input.bounds().longestSide() / config.voronoiResolution();
        PointCloud cloud = !config.project() ? input : stage(progress, "voromesh.project",
                () -> ZeroSetProjection.project(input, field, cell / 4, 2 * cell));
        Generators lattice = stage(progress, "voromesh.generators", () -> Generators.start(cloud,
                config.voronoiResolution()));
        ThinFeatures.Result thin = stage(progress, "voromesh.thin_features", () -> ThinFeatures.add(lattice, field,
                config.thinFeatureSamples()));
        Generators gen = thin.gen();
        ProgressMeter optimize = ProgressMeter.of(progress, "voromesh.optimize", config.steps());
        GeneratorFit.Losses losses = GeneratorFit.fit(gen, lattice.count(), config, optimize);
        optimize.done();
        byte[] fixed = new byte[gen.count() + 8];
        double[] world = world(gen, thin.fixed(), fixed);
        Delaunay3d.Triangulation tri = stage(progress, "voromesh.delaunay", () -> Delaunay3d.build(world));
        VoronoiVertices vertices = stage(progress, "voromesh.vertices", () -> VoronoiVertices.of(tri));
        boolean[] inside = stage(progress, "voromesh.occupancy", () -> occupancy(vertices, field, fixed));
        VoronoiBoundary.Result faces = stage(progress, "voromesh.faces", () -> VoronoiBoundary.extract(vertices,
                inside));
        SmallPieces.DoubleResult cleaned = stage(progress, "voromesh.clean", () -> SmallPieces.remove(faces.mesh(),
                config.minPieceFraction()));
        Shortened shortened = shorten(cleaned.mesh(), cell * config.collapseLength(), config, progress);
        DoubleMesh mesh = shortened.mesh;
        MeshReport checks = shortened.checks;
        String fallback = shortened.fallback;

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("voronoi_resolution", config.voronoiResolution());
        d.put("generators", gen.count());
        d.put("thin_feature_generators", thin.added());
        d.put("corner_generators", 8);
        d.put("voroloss_first", losses.first());
        d.put("voroloss_last", losses.last());
        d.put("tetrahedra", tri.tetrahedronCount());
        d.put("voronoi_vertices", vertices.count());
        int in = 0;
        for (boolean b : inside) {
            in += b ? 1 : 0;
        }
        d.put("inside_generators", in);
        d.put("hull_inside_made_outside", faces.hullInside());
        d.put("voronoi_faces", faces.polygons());
        d.put("degenerate_voronoi_faces", faces.degenerate());
        d.put("collapse_length", config.collapseLength());
        d.put("edges_collapsed", shortened.collapsed);
        d.put("collapse_retries", shortened.retries);
        d.put("collapse_fallback", fallback != null);
        if (fallback != null) {
            d.put("collapse_fallback_reason", fallback);
        }
        d.put("pieces_removed", cleaned.componentsRemoved());
        d.put("coordinates", config.float32() ? "float32" : "float64");
        d.put("watertight", checks.watertight());
        d.put("orientation_consistent", checks.orientationConsistent());
        d.put("self_intersections", checks.selfIntersections());
        d.put("degenerate_faces", checks.degenerateFaces());
        d.put("components", checks.components());
        return new Result(mesh, checks, d);
    }

    /**
     * The exact faces with their short edges collapsed, checked. A collapse that made faces cross is undone by
     * freezing the crossing faces' vertices and collapsing the exact faces again, up to {@link #COLLAPSE_RETRIES}
     * times; after that, or for any other failed check, the exact faces are written (they keep the guarantees by
     * construction) and the reason is returned.
     */
    private static Shortened shorten(DoubleMesh exact, double length, VoroMeshConfig config, Progress progress) {
        boolean[] frozen = new boolean[exact.vertexCount()];
        for (int retry = 0; ; retry++) {
            ShortEdges.Result r = stage(progress, "voromesh.collapse", () -> ShortEdges.collapse(exact, length,
                    frozen));
            if (r.collapsed() == 0) {
                return exactFaces(exact, config, progress, retry, null);
            }
            DoubleMesh mesh = written(r.mesh(), config);
            MeshReport checks = stage(progress, "voromesh.checks", () -> MeshChecks.check(mesh, true));
            if (checks.isClosedManifold()) {
                return new Shortened(mesh, checks, r.collapsed(), retry, null);
            }
            boolean onlyCrossings = checks.watertight() && checks.orientationConsistent();
            int[] pairs = onlyCrossings && retry < COLLAPSE_RETRIES ? SelfIntersections.pairs(mesh) : new int[0];
            if (pairs.length == 0) {
                return exactFaces(exact, config, progress, retry, failures(checks));
            }
            int[] f = mesh.faces();
            for (int face : pairs) {
                for (int c = 0; c < 3; c++) {
                    frozen[r.sourceVertices()[f[3 * face + c]]] = true;
                }
            }
        }
    }

    /** The exact faces, checked, nothing collapsed; {@code reason} says why, when a collapse was refused. */
    private static Shortened exactFaces(DoubleMesh exact, VoroMeshConfig config, Progress progress, int retries,
            String reason) {
        DoubleMesh mesh = written(exact, config);
        return new Shortened(mesh, stage(progress, "voromesh.checks", () -> MeshChecks.check(mesh, true)), 0, retries,
                reason);
    }

    private record Shortened(DoubleMesh mesh, MeshReport checks, int collapsed, int retries, String fallback) {
    }

    /** The mesh with the coordinates that will be written. */
    private static DoubleMesh written(DoubleMesh mesh, VoroMeshConfig config) {
        return config.float32() ? mesh.roundedToFloat() : mesh;
    }

    /** What a mesh's checks found wrong, for the report. */
    private static String failures(MeshReport r) {
        return "the collapsed mesh had " + r.boundaryEdges() + " boundary edges, " + r.nonManifoldEdges()
                + " non-manifold edges, orientation " + (r.orientationConsistent() ? "consistent" : "inconsistent")
                + ", " + r.selfIntersections() + " self-intersecting pairs";
    }

    /**
     * The generators in world coordinates, exact repeats dropped, then the eight corners; {@code fixedOut} receives
     * the fixed signs ({@link ThinFeatures.Result#fixed}) of the points kept.
     */
    private static double[] world(Generators gen, byte[] fixed, byte[] fixedOut) {
        float[] g = gen.generators();
        int n = gen.count();
        boolean[] repeat = repeats(g, n);
        double[] out = new double[3 * n + 24];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!repeat[i]) {
                fixedOut[m] = fixed[i];
                for (int a = 0; a < 3; a++) {
                    out[3 * m + a] = gen.world(g[3 * i + a], a);
                }
                m++;
            }
        }
        double[] corners = gen.corners();
        for (int k = 0; k < 8; k++) {
            for (int a = 0; a < 3; a++) {
                out[3 * m + a] = gen.world(corners[3 * k + a], a);
            }
            m++;
        }
        return Arrays.copyOf(out, 3 * m);
    }

    /** Which of the n points (3 floats each) repeat an earlier one exactly ({@link ExactVertexMerge}). */
    private static boolean[] repeats(float[] g, int n) {
        float[] key = new float[3 * n];
        for (int i = 0; i < key.length; i++) {
            key[i] = g[i] + 0f; // -0 and 0 are the same point
        }
        int[] id = ExactVertexMerge.remap(key);
        boolean[] repeat = new boolean[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            // ids are numbered in order of first occurrence
            repeat[i] = id[i] < distinct;
            distinct += repeat[i] ? 0 : 1;
        }
        return repeat;
    }

    /**
     * Inside where the field is negative at the vertex mean of the cell, or as {@code fixed} says
     * ({@link ThinFeatures}); corners (last 8) and hull cells outside.
     */
    private static boolean[] occupancy(VoronoiVertices vertices, SignedField field, byte[] fixed) {
        double[] b = vertices.cellBarycentres();
        int n = b.length / 3;
        int[] bounded = new int[n];
        int m = 0;
        boolean[] inside = new boolean[n];
        for (int i = 0; i < n - 8; i++) {
            if (Double.isNaN(b[3 * i])) {
                continue;
            }
            if (fixed[i] != ThinFeatures.FREE) {
                inside[i] = fixed[i] == ThinFeatures.INSIDE;
            } else {
                bounded[m++] = i;
            }
        }
        double[] xyz = new double[3 * m];
        for (int j = 0; j < m; j++) {
            System.arraycopy(b, 3 * bounded[j], xyz, 3 * j, 3);
        }
        float[] values = new float[m];
        field.evaluate(xyz, m, values);
        for (int j = 0; j < m; j++) {
            inside[bounded[j]] = values[j] < 0;
        }
        return inside;
    }
}
