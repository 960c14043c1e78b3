package org.isofield.core.compute;

import java.util.Locale;

/**
 * Device memory does not hold what was asked: raised before the allocation when the request exceeds the free memory
 * (or the largest single allocation), and when the driver itself runs out. Names what was being allocated, the
 * requested and the free bytes.
 */
public class DeviceMemoryException extends ComputeException {
    private static final long serialVersionUID = 1L;
    private final long requestedBytes;
    private final long freeBytes;

    public DeviceMemoryException(DeviceInfo device, String what, long requestedBytes, long freeBytes, String hint) {
        super(device.backend(), String.format(Locale.ROOT, "%s needs %s of device memory but %s has %s free of %s%s",
                what, bytes(requestedBytes), device.name(), bytes(freeBytes), bytes(device.totalMemoryBytes()),
                hint == null || hint.isEmpty() ? "" : "; " + hint));
        this.requestedBytes = requestedBytes;
        this.freeBytes = freeBytes;
    }

    public long requestedBytes() {
        return requestedBytes;
    }

    public long freeBytes() {
        return freeBytes;
    }

    /** {@code 1.23 GB}, {@code 456 MB}, {@code 12 KB} or {@code 12 B}. */
    public static String bytes(long b) {
        if (b >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        } else if (b >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
        } else if (b >= 1000) {
            return String.format(Locale.ROOT, "%.0f KB", b / 1e3);
        }
        return b + " B";
    }
}
