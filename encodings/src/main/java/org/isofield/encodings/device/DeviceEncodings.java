package org.isofield.encodings.device;

import org.isofield.core.ConfigException;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.encodings.Encoding;
import org.isofield.encodings.grid.StencilEncoding;

/** Device twins of encodings: the grids have kernels; other encodings run on the CPU backend only. */
public final class DeviceEncodings {
    private DeviceEncodings() {
    }

    /** Whether {@code e} has device kernels. */
    public static boolean supports(Encoding e) {
        return DeviceGridEncoding.supports(e);
    }

    /**
     * The device twin of {@code e}, its parameters uploaded.
     *
     * @throws ConfigException at {@code encoding.otype} for an encoding without device kernels
     */
    public static DeviceEncoding create(ComputeDevice device, Encoding e, String otype) {
        if (!supports(e)) {
            throw new ConfigException("encoding.otype", "encoding " + otype + " has no " + device.info().backend()
                    + " kernels; expected HashGrid, DenseGrid or SimplexGrid on a device, or backend cpu");
        }
        return new DeviceGridEncoding(device, (StencilEncoding) e);
    }
}
