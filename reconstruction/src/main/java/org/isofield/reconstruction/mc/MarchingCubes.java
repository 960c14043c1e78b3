package org.isofield.reconstruction.mc;

import java.util.Objects;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * Extracts the zero level set of a scalar field (negative inside) as a triangle mesh, after Lorensen and Cline,
 * "Marching Cubes" (SIGGRAPH 1987), with a generated, crack-free case table ({@link CaseTable}).
 *
 * <p>Contract of the output: one vertex per grid edge whose end values differ in sign (inside means {@code < 0}),
 * placed by linear interpolation of the two values, the parameter kept in {@code [1e-3, 1 - 1e-3]} of the edge so
 * vertices of different edges never coincide; vertices are shared by all cubes around their edge. A few
 * configurations with tunnels through a cube (28 of the 256 sign cases, 128 of the 656 distinct table entries; none
 * occur on the smooth analytic shapes of the tests) contain a loop that cannot be triangulated without an edge two
 * cubes might both create; such a loop is fanned around one extra vertex inside the cube, started at the mean of
 * the loop's vertices and moved by Newton steps onto the zero set of the cube's trilinear interpolant. Faces are
 * counter-clockwise seen from the positive side (outward normals for a field negative inside). Ambiguous faces are
 * resolved by the sign of the average of the face's four values, the same decision in both cubes sharing the face,
 * so the mesh is watertight and edge-manifold wherever the zero set is closed inside the domain; with
 * {@link MarchingCubesConfig#closeBoundary()} (the default) the domain is padded so the mesh is always closed. The
 * mesh is stored relative to the grid's origin. NaN field values are an error; infinities are allowed.
 *
 * <p>Fields given as a {@link FieldFunction} are evaluated one z slice at a time, so memory is a few slices
 * (about 60 bytes per slice sample) plus the output, whatever {@code nz} is; cubes are processed in parallel over
 * fixed row chunks and the output is the same for any thread count. Instances are immutable and thread-safe.
 */
public final class MarchingCubes {
    private final MarchingCubesConfig config;

    public MarchingCubes(MarchingCubesConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Extracts the zero set of a stored grid with the default config. */
    public static TriangleMesh extract(ScalarGrid grid) {
        return new MarchingCubes(MarchingCubesConfig.DEFAULT).extract(grid, Progress.NONE);
    }

    /** Extracts the zero set of a field sampled on {@code grid} with the default config. */
    public static TriangleMesh extract(FieldFunction field, SampleGrid grid) {
        return new MarchingCubes(MarchingCubesConfig.DEFAULT).extract(field, grid, Progress.NONE);
    }

    public MarchingCubesConfig config() {
        return config;
    }

    /**
     * Extracts the zero set of a stored grid, reporting phase {@code "extract"} once per z slab.
     *
     * @throws IllegalArgumentException if a value is NaN
     * @throws org.isofield.core.CancelledException if {@code progress} asks to stop
     */
    public TriangleMesh extract(ScalarGrid grid, Progress progress) {
        Objects.requireNonNull(grid, "grid");
        return run(SliceSources.of(grid), grid.grid(), progress);
    }

    /**
     * Extracts the zero set of {@code field} sampled on {@code grid}, one z slice at a time.
     *
     * @throws IllegalArgumentException if the field returns NaN
     * @throws org.isofield.core.CancelledException if {@code progress} asks to stop
     */
    public TriangleMesh extract(FieldFunction field, SampleGrid grid, Progress progress) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(grid, "grid");
        return run(SliceSources.of(field, grid), grid, progress);
    }

    private TriangleMesh run(SliceSources.SliceSource source, SampleGrid g, Progress progress) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double offset = 0;
        if (config.closeBoundary()) {
            source = SliceSources.padded(source, nx, ny, nz, (float) g.spacing());
            nx += 2;
            ny += 2;
            nz += 2;
            offset = -1;
        }
        if ((long) nx * ny > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("slice of " + nx + " x " + ny + " samples is too large");
        }
        ProgressMeter meter = ProgressMeter.of(progress, "extract", nz - 1);
        return new SlabExtractor(nx, ny, nz, g.spacing(), offset).run(source, g.origin(), meter);
    }

    /**
     * The mesh with unit vertex normals from a gradient function evaluated at its world vertex positions, in
     * batches of 65536; a zero or non-finite gradient gives a zero normal.
     */
    public static TriangleMesh withNormals(TriangleMesh mesh, GradientFunction gradient) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(gradient, "gradient");
        float[] v = mesh.vertices();
        Vec3d o = mesh.origin();
        int n = mesh.vertexCount();
        float[] normals = new float[3 * n];
        int batch = 1 << 16;
        float[] xyz = new float[3 * Math.min(n, batch)];
        float[] g = new float[xyz.length];
        for (int start = 0; start < n; start += batch) {
            int m = Math.min(batch, n - start);
            for (int i = 0; i < m; i++) {
                int p = 3 * (start + i);
                xyz[3 * i] = (float) (o.x() + v[p]);
                xyz[3 * i + 1] = (float) (o.y() + v[p + 1]);
                xyz[3 * i + 2] = (float) (o.z() + v[p + 2]);
            }
            gradient.evaluate(xyz, m, g);
            for (int i = 0; i < m; i++) {
                double gx = g[3 * i];
                double gy = g[3 * i + 1];
                double gz = g[3 * i + 2];
                double len = Math.sqrt(gx * gx + gy * gy + gz * gz);
                if (len > 0 && Double.isFinite(len)) {
                    int p = 3 * (start + i);
                    normals[p] = (float) (gx / len);
                    normals[p + 1] = (float) (gy / len);
                    normals[p + 2] = (float) (gz / len);
                }
            }
        }
        return mesh.withNormals(normals);
    }
}
