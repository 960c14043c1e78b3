package org.isofield.core.compute;

/** The element type of a {@link DeviceArray}: 4-byte floats or 4-byte integers (signed or unsigned in kernels). */
public enum ElementType {
    FLOAT32,
    INT32;

    /** Bytes per element. */
    public int bytes() {
        return 4;
    }
}
