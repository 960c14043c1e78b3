package org.isofield.reconstruction.gridpull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isofield.core.Reports;
import org.isofield.reconstruction.gridpull.sign.WindingSign;

/**
 * What GridPull chose and measured, stage by stage. {@link #toMap} gives the snake_case report keys of
 * {@code isofield reconstruct --report} (the {@code details} of a {@link org.isofield.reconstruction.Reconstruction}).
 *
 * @param cloud the cloud checks' figures ({@code input_points}, {@code duplicates_removed})
 */
public record GridPullReport(Map<String, Object> cloud, Lattice lattice, Band band, Sign sign, SurfaceKind surface,
        Optimize optimize, Extract extract, Clean clean) {
    public GridPullReport {
        cloud = Map.copyOf(cloud);
    }

    /**
     * The lattice stage.
     *
     * @param auto the auto resolution's choice (wanted cells, stored samples, heap estimate, limit), or null when
     *     {@code grid_resolution} was given
     */
    public record Lattice(int gridResolution, int samplesPerAxis, double medianSpacingCells, double nearDistanceCells,
            double noiseThickness, double smoothWeight, int queryPool, AutoResolution.Choice auto) {
    }

    /** The band after the sign stage and the samples the optimiser moves. */
    public record Band(int storedBricks, int storedSamples, int nearSamples, int insideSamples, int outsideSamples,
            int activeSamples) {
    }

    /**
     * The sign stage.
     *
     * @param check the winding-number check, or null when it did not run (open surface, or {@code sign_repair}
     *     disabled)
     * @param enabled whether {@code sign_repair.enabled} was on
     */
    public record Sign(WindingSign.Result check, boolean enabled) {
        /** {@code winding_number} when the check repaired the band, else {@code flood_fill}. */
        public String method() {
            return check != null && check.repaired() ? "winding_number" : "flood_fill";
        }
    }

    /**
     * The surface stage.
     *
     * @param boundaryPoints rim points, or -1 when the rim test did not run
     * @param normalGraphParts an open sheet's parts of the normals' neighbour graph, or -1 for a closed surface
     */
    public record SurfaceKind(boolean open, long floodFillInsideSamples, int boundaryPoints, int normalGraphParts) {
    }

    /** The optimisation: steps run and the mean losses of the last one. */
    public record Optimize(int steps, GridPullTrainer.Losses losses) {
    }

    /** Marching cubes: its resolution and cells visited and crossed. */
    public record Extract(int resolution, long visitedCells, long crossedCells) {
    }

    /**
     * The clean-up.
     *
     * @param meanSpacing open sheets: the points' mean nearest-neighbour distance (world), else NaN
     * @param trimDistanceWorld open sheets: the trim distance (world), else NaN
     * @param facesTrimmed open sheets: faces the trim removed, else -1
     * @param watertight open sheets: whether the mesh is closed after all (null for a closed surface)
     * @param boundaryEdges open sheets: boundary edges of the mesh, else -1
     */
    public record Clean(int piecesRemoved, int piecesKept, double meanSpacing, double trimDistanceWorld,
            int facesTrimmed, Boolean watertight, int boundaryEdges) {
    }

    /** The report keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(cloud);
        if (lattice.auto() != null) {
            m.put("grid_resolution_wanted", lattice.auto().wanted());
            m.put("grid_resolution_limit", lattice.auto().limit());
            m.put("estimated_peak_heap_bytes", lattice.auto().estimatedBytes());
            m.put("memory_model_bytes", AutoResolution.memoryModel());
        }
        m.put("noise_thickness", lattice.noiseThickness());
        m.put("smooth_weight", lattice.smoothWeight());
        if (sign.check() != null) {
            m.putAll(sign.check().toMap());
        }
        if (!sign.enabled()) {
            m.put("sign_repair", "disabled");
        }
        m.put("sign", sign.method());
        m.put("flood_fill_inside_samples", surface.floodFillInsideSamples());
        if (surface.boundaryPoints() >= 0) {
            m.put("boundary_points", surface.boundaryPoints());
        }
        m.put("surface", surface.open() ? "open" : "closed");
        if (surface.normalGraphParts() >= 0) {
            m.put("normal_graph_parts", surface.normalGraphParts());
        }
        Reports.put(m, "grid_resolution", lattice.gridResolution(), "grid_samples_per_axis", lattice.samplesPerAxis(),
                "median_spacing_cells", lattice.medianSpacingCells(), "near_distance_cells",
                lattice.nearDistanceCells(), "stored_bricks", band.storedBricks(), "stored_samples",
                band.storedSamples());
        m.put("initial_near_inside_outside", List.of(band.nearSamples(), band.insideSamples(), band.outsideSamples()));
        m.put("active_samples", band.activeSamples());
        m.put("query_pool", lattice.queryPool());
        m.put("steps", optimize.steps());
        GridPullTrainer.Losses l = optimize.losses();
        m.put("final_loss", Map.of("pull", l.pull(), "surface", l.surface(), "gradient", l.gradient(), "smooth",
                l.smooth(), "bending", l.bending()));
        m.put("resolution", extract.resolution());
        m.put("extract_visited_cells", extract.visitedCells());
        m.put("extract_crossed_cells", extract.crossedCells());
        m.put("pieces_removed", clean.piecesRemoved());
        m.put("pieces_kept", clean.piecesKept());
        if (surface.open()) {
            Reports.put(m, "mean_spacing", clean.meanSpacing(), "trim_distance_world", clean.trimDistanceWorld(),
                    "faces_trimmed", clean.facesTrimmed(), "watertight", clean.watertight(), "boundary_edges",
                    clean.boundaryEdges());
        }
        return m;
    }
}
