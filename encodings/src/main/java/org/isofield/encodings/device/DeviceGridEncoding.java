package org.isofield.encodings.device;

import java.util.Map;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.isofield.encodings.Encoding;
import org.isofield.encodings.densegrid.DenseGridEncoding;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.grid.StencilEncoding;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.encodings.simplexgrid.SimplexGridEncoding;
import org.isofield.shaders.compute.ComputeModules;

/**
 * The hash, dense and simplex grids on a device: kernels {@code grid_encode}, {@code grid_backward},
 * {@code grid_input_gradient}, {@code grid_jvp} and {@code grid_backward_input_gradient} of
 * {@code grid_encoding.c}, one variant per input dimension, feature count and stencil. Twins:
 * {@link StencilEncoding#encode}, {@link StencilEncoding#backward}, {@link StencilEncoding#inputGradient},
 * {@link StencilEncoding#jacobianVectorProduct} and {@link StencilEncoding#backwardInputGradient}. Encode, input
 * gradient and JVP are bitwise the twin's; the two table gradients use float atomics (order-dependent sums).
 */
public final class DeviceGridEncoding implements DeviceEncoding {
    /** Threads per block of the point-parallel kernels. */
    static final int BLOCK = 128;
    private static final int LEVEL_INTS = 5;

    private final StencilEncoding twin;
    private final ComputeDevice device;
    private final Program program;
    private final DeviceArray levels;
    private final DeviceArray params;
    private final float skew;
    private final int smooth;
    private final int levelCount;

    /** The device twin of {@code encoding}, with its current parameters uploaded. */
    public DeviceGridEncoding(ComputeDevice device, StencilEncoding encoding) {
        this.twin = encoding;
        this.device = device;
        boolean simplex = encoding instanceof SimplexGridEncoding;
        int features = encoding.outputDims() / encoding.stencil().levels();
        this.program = device.program(ComputeModules.get("grid_encoding", Map.of("DIMS", encoding.inputDims(),
                "FEATURES", features, "SIMPLEX", simplex ? 1 : 0)));
        this.levelCount = encoding.stencil().levels();
        int[] table = new int[LEVEL_INTS * levelCount];
        Interpolation interpolation = Interpolation.LINEAR;
        for (int l = 0; l < levelCount; l++) {
            table[LEVEL_INTS * l] = encoding.levelOffset(l);
            table[LEVEL_INTS * l + 1] = encoding.stencil().rows(l);
            if (simplex) {
                SimplexGridEncoding s = (SimplexGridEncoding) encoding;
                table[LEVEL_INTS * l + 2] = s.levelResolution(l);
                table[LEVEL_INTS * l + 3] = s.levelHashed(l) ? 1 : 0;
                table[LEVEL_INTS * l + 4] = Float.floatToRawIntBits(s.levelScale(l));
            } else {
                CubicStencil g = (CubicStencil) encoding.stencil();
                table[LEVEL_INTS * l + 2] = g.resolution(l);
                table[LEVEL_INTS * l + 3] = g.hashed(l) ? 1 : 0;
                table[LEVEL_INTS * l + 4] = Float.floatToRawIntBits(g.scale(l));
                interpolation = g.interpolation();
            }
        }
        this.skew = simplex ? ((SimplexGridEncoding) encoding).skew() : 0f;
        this.smooth = interpolation == Interpolation.SMOOTHSTEP ? 1 : 0;
        this.levels = device.upload(table, "encoding.levels");
        this.params = device.allocateFloats(Math.max(1, encoding.paramCount()), "encoding.params");
        upload();
    }

    /** Whether an encoding has device kernels: the hash, dense and simplex grids. */
    public static boolean supports(Encoding e) {
        return e instanceof HashGridEncoding || e instanceof DenseGridEncoding || e instanceof SimplexGridEncoding;
    }

    @Override
    public Encoding twin() {
        return twin;
    }

    @Override
    public ComputeDevice device() {
        return device;
    }

    @Override
    public DeviceArray params() {
        return params;
    }

    @Override
    public void upload() {
        params.upload(twin.params(), 0, 0, twin.paramCount());
    }

    @Override
    public void download() {
        params.download(0, twin.params(), 0, twin.paramCount());
    }

    private void check(String name, DeviceArray a, long need) {
        if (a.length() < need) {
            throw new IllegalArgumentException(name + " " + a + " holds " + a.length() + " elements; expected at least "
                    + need);
        }
    }

    @Override
    public void encode(DeviceArray in, int n, DeviceArray out) {
        check("in", in, (long) n * inputDims());
        check("out", out, (long) n * outputDims());
        if (n == 0) {
            return;
        }
        program.kernel("grid_encode").launch(Launch.over(n, levelCount, BLOCK), KernelArgs.of().i32("n", n)
                .i32("stride", n).array("levels", levels).array("params", params).array("pos", in).array("out", out)
                .f32("skew", skew).i32("smooth", smooth));
    }

    @Override
    public void backward(DeviceArray in, int n, DeviceArray dLdOut, DeviceArray gradParams) {
        check("in", in, (long) n * inputDims());
        check("dLdOut", dLdOut, (long) n * outputDims());
        check("gradParams", gradParams, paramCount());
        if (n == 0) {
            return;
        }
        program.kernel("grid_backward").launch(Launch.over(n, levelCount, BLOCK), KernelArgs.of().i32("n", n)
                .i32("stride", n).array("levels", levels).array("pos", in).array("dLdOut", dLdOut)
                .array("grad", gradParams).f32("skew", skew).i32("smooth", smooth));
    }

    @Override
    public void inputGradient(DeviceArray in, int n, DeviceArray dLdOut, DeviceArray dLdIn) {
        check("in", in, (long) n * inputDims());
        check("dLdOut", dLdOut, (long) n * outputDims());
        check("dLdIn", dLdIn, (long) n * inputDims());
        if (n == 0) {
            return;
        }
        program.kernel("grid_input_gradient").launch(Launch.over(n, BLOCK), KernelArgs.of().i32("n", n)
                .i32("stride", n).i32("levels", levelCount).array("lv", levels).array("params", params)
                .array("pos", in).array("dLdOut", dLdOut).array("dLdIn", dLdIn).f32("skew", skew)
                .i32("smooth", smooth));
    }

    @Override
    public void jacobianVectorProduct(DeviceArray in, int n, DeviceArray dIn, DeviceArray dOut) {
        check("in", in, (long) n * inputDims());
        check("dIn", dIn, (long) n * inputDims());
        check("dOut", dOut, (long) n * outputDims());
        if (n == 0) {
            return;
        }
        program.kernel("grid_jvp").launch(Launch.over(n, levelCount, BLOCK), KernelArgs.of().i32("n", n)
                .i32("stride", n).array("levels", levels).array("params", params).array("pos", in)
                .array("dIn", dIn).array("dOut", dOut).f32("skew", skew).i32("smooth", smooth));
    }

    @Override
    public void backwardInputGradient(DeviceArray in, int n, DeviceArray dLdOut, DeviceArray u,
                                      DeviceArray gradParams) {
        check("in", in, (long) n * inputDims());
        check("dLdOut", dLdOut, (long) n * outputDims());
        check("u", u, (long) n * inputDims());
        check("gradParams", gradParams, paramCount());
        if (n == 0) {
            return;
        }
        program.kernel("grid_backward_input_gradient").launch(Launch.over(n, levelCount, BLOCK), KernelArgs.of()
                .i32("n", n).i32("stride", n).array("levels", levels).array("pos", in).array("dLdOut", dLdOut)
                .array("u", u).array("grad", gradParams).f32("skew", skew).i32("smooth", smooth));
    }

    @Override
    public void close() {
        params.close();
        levels.close();
    }
}
