package org.isofield.fields.device;

import org.isofield.core.ConfigException;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.isofield.fields.loss.ElementwiseLoss;
import org.isofield.fields.loss.Loss;
import org.isofield.fields.loss.LossConfig;
import org.isofield.fields.loss.Losses;
import org.isofield.shaders.compute.ComputeModules;

/**
 * The element-wise losses on a device (kernel {@code loss_elementwise}): the gradient bitwise {@link
 * ElementwiseLoss}'s,
 * the value summed per block of 256 on the device and over blocks on the host in double. Also the eikonal term
 * (kernel {@code eikonal}, twin {@link org.isofield.fields.loss.Eikonal}). Reading a value back waits for the queue.
 */
public final class DeviceLoss implements AutoCloseable {
    static final int BLOCK = 256;

    private final ComputeDevice device;
    private final Program program;
    private final int kind;
    private DeviceArray partial;
    private float[] host = new float[0];

    public DeviceLoss(ComputeDevice device, LossConfig config) {
        this.device = device;
        this.program = device.program(ComputeModules.get("loss"));
        this.kind = config == null ? -1 : kindOf(config);
    }

    private static int kindOf(LossConfig config) {
        Loss l = Losses.create(config);
        if (!(l instanceof ElementwiseLoss e)) {
            throw new ConfigException("loss.otype", "loss " + config.otype() + " has no device kernel; expected L1,"
                    + " L2, RelativeL2 or MAPE");
        }
        return e.kind().ordinal();
    }

    private DeviceArray partial(int blocks) {
        if (partial == null || partial.length() < blocks) {
            if (partial != null) {
                partial.close();
            }
            partial = device.allocateFloats(Math.max(blocks, 64), "loss.partial");
        }
        return partial;
    }

    private double sum(int blocks) {
        if (host.length < blocks) {
            host = new float[blocks];
        }
        partial.download(0, host, 0, blocks);
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            s += host[b];
        }
        return s;
    }

    /** The mean loss of {@code count} predictions against targets; writes its gradient. */
    public double evaluate(DeviceArray prediction, DeviceArray target, int count, DeviceArray grad) {
        if (count == 0) {
            return 0;
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        program.kernel("loss_elementwise").launch(Launch.over(count, BLOCK), KernelArgs.of().i32("count", count)
                .i32("kind", kind).f32("inv", 1f / count).array("y", prediction).array("d", target).array("grad", grad)
                .array("partial", partial(blocks)));
        return sum(blocks) / count;
    }

    /** {@code weight mean (|g| - 1)^2} over {@code k} point-major gradients; writes its gradient into {@code dGrad}. */
    public double eikonal(DeviceArray g, int k, double weight, DeviceArray dGrad) {
        if (k == 0) {
            return 0;
        }
        int blocks = (k + BLOCK - 1) / BLOCK;
        program.kernel("eikonal").launch(Launch.over(k, BLOCK), KernelArgs.of().i32("k", k)
                .f32("scale", (float) (2 * weight / k)).array("g", g).array("dGrad", dGrad)
                .array("partial", partial(blocks)));
        return weight * sum(blocks) / k;
    }

    /** {@code dst} gets {@code k} of {@code n} samples spread evenly ({@code j n / k}), rows of {@code cols}. */
    public void gatherSpread(DeviceArray src, int n, int cols, boolean pointMajor, DeviceArray dst, int k) {
        if (k == 0) {
            return;
        }
        program.kernel("gather_spread").launch(Launch.over(k, BLOCK), KernelArgs.of().i32("k", k).i32("n", n)
                .i32("cols", cols).i32("pointMajor", pointMajor ? 1 : 0).array("src", src).array("dst", dst));
    }

    /** {@code y += a x} over {@code count} entries. */
    public void axpy(int count, float a, DeviceArray x, DeviceArray y) {
        if (count == 0) {
            return;
        }
        program.kernel("axpy").launch(Launch.over(count, BLOCK), KernelArgs.of().i32("count", count).f32("a", a)
                .array("x", x).array("y", y));
    }

    @Override
    public void close() {
        if (partial != null) {
            partial.close();
        }
    }
}
