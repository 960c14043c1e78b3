package org.isofield.reconstruction.sdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.fields.device.DeviceBatchSource;
import org.isofield.shaders.compute.ComputeModules;

/**
 * SDF training batches drawn on the device, fresh every step as instant-ngp draws them: the mesh's hierarchy (boxes,
 * leaf-order triangles, winding-number expansions) and the triangles' area shares are uploaded once, then each batch
 * is two kernels, {@code sdf_draw} (positions from counter-based random numbers) and {@code sdf_signed_distance}
 * (closest point by BVH traversal, sign by the fast winding number). Nothing crosses the bus per step. The batches are
 * those of {@link SdfDraws}, its CPU twin (positions bitwise but for the rounding of log in the jitter; targets in
 * float here, double there). Counter-based, so {@link #skipTo} is free. Not thread-safe.
 */
public final class DeviceSdfSampler implements DeviceBatchSource, AutoCloseable {
    /** Depth of the kernels' traversal stacks ({@code SDF_STACK} in sdf_batch.c). */
    static final int STACK = 64;
    private static final int BLOCK = 128;

    private final SdfSamplingConfig config;
    private final Program program;
    private final List<DeviceArray> arrays = new ArrayList<>();
    private final DeviceArray cdf;
    private final DeviceArray bounds;
    private final DeviceArray nodes;
    private final DeviceArray tris;
    private final DeviceArray balls;
    private final DeviceArray coeffs;
    private final int triangles;
    private long step;

    /**
     * @param bvh the hierarchy over the mesh in the unit-cube frame (origin zero), as {@link SdfSampler#bvh()}
     * @throws ComputeException if the hierarchy is deeper than the kernels' traversal stack
     */
    public DeviceSdfSampler(ComputeDevice device, TriangleBvh bvh, SdfSamplingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        TriangleBvh.Flat flat = bvh.flat();
        if (flat.maxDepth() + 2 > STACK) {
            throw new ComputeException(device.info().backend(), "the mesh's BVH is " + flat.maxDepth()
                    + " levels deep; the device SDF sampler's traversal stack holds " + STACK + " (expected at most "
                    + (STACK - 2) + " levels; use --backend cpu for this mesh)");
        }
        float[] shares = SdfDraws.areaCdf(flat.tris());
        this.triangles = shares.length;
        long bytes = 4L * (shares.length + flat.bounds().length + flat.nodes().length + flat.tris().length
                + flat.balls().length + flat.coeffs().length);
        device.requireMemory(bytes, "the mesh's BVH for device SDF batches", "use --backend cpu for this mesh");
        this.program = device.program(ComputeModules.get("sdf_batch"));
        this.cdf = keep(device.upload(shares, "sdf.cdf"));
        this.bounds = keep(device.upload(flat.bounds(), "sdf.bvh_bounds"));
        this.nodes = keep(device.upload(flat.nodes(), "sdf.bvh_nodes"));
        this.tris = keep(device.upload(flat.tris(), "sdf.bvh_triangles"));
        this.balls = keep(device.upload(flat.balls(), "sdf.winding_balls"));
        this.coeffs = keep(device.upload(flat.coeffs(), "sdf.winding_coefficients"));
    }

    private DeviceArray keep(DeviceArray a) {
        arrays.add(a);
        return a;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    /** Steps drawn so far. */
    public long step() {
        return step;
    }

    /** Moves to step {@code target}: the next batch is the one an uninterrupted run would draw there. */
    public void skipTo(long target) {
        if (target < 0) {
            throw new IllegalArgumentException("target step " + target + "; expected 0 or more");
        }
        step = target;
    }

    @Override
    public void next(DeviceArray positions, DeviceArray targets) {
        int n = config.batchSize();
        int ns = config.surfaceCount();
        long seed = config.seed();
        program.kernel("sdf_draw").launch(Launch.over(n, BLOCK), KernelArgs.of().i32("n", n).i32("ns", ns)
                .i32("nj", config.jitterCount()).i32("seedLo", (int) seed).i32("seedHi", (int) (seed >>> 32))
                .i32("step", (int) step).i32("triCount", triangles).array("cdf", cdf).array("tris", tris)
                .f32("jitter", (float) config.jitterScale()).array("pos", positions).array("target", targets));
        program.kernel("sdf_signed_distance").launch(Launch.over(n - ns, BLOCK), KernelArgs.of().i32("n", n)
                .i32("from", ns).array("pos", positions).array("bounds", bounds).array("nodes", nodes)
                .array("tris", tris).array("balls", balls).array("coeffs", coeffs).f32("beta", (float) config.beta())
                .array("target", targets));
        step++;
    }

    @Override
    public void close() {
        for (DeviceArray a : arrays) {
            a.close();
        }
        arrays.clear();
    }
}
