package org.isofield.core.compute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.isofield.core.ConfigException;

/**
 * Where neural-field work runs, as the {@code backend} key and the {@code --backend} option name it. {@link #AUTO}
 * picks CUDA, then an OpenCL GPU, then the Java CPU path ({@link Backends#select}); the others are taken as asked or
 * refused with the reason (exit code 4), never replaced by another.
 */
public enum Backend {
    /** CUDA if a driver and device answer, else an OpenCL GPU, else the Java CPU path; the choice is logged. */
    AUTO("auto"),
    /** The Java code on the CPU (the reference every kernel is checked against). */
    CPU("cpu"),
    /** OpenCL through LWJGL: any OpenCL 1.2+ device, GPU or CPU (POCL). */
    OPENCL("opencl"),
    /** CUDA through the JavaCPP presets' driver API, with kernels compiled ahead by nvcc. */
    CUDA("cuda");

    private final String jsonName;

    Backend(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }

    /** Whether this backend runs kernels on a compute device (OpenCL or CUDA). */
    public boolean isDevice() {
        return this == OPENCL || this == CUDA;
    }

    /** Parses {@code auto}, {@code cpu}, {@code opencl} or {@code cuda}, ignoring case. */
    @JsonCreator
    public static Backend parse(String name) {
        if (name != null) {
            for (Backend b : values()) {
                if (b.jsonName.equals(name.toLowerCase(Locale.ROOT))) {
                    return b;
                }
            }
        }
        throw new ConfigException("backend", "unknown backend \"" + name + "\"; expected auto, cpu, opencl or cuda");
    }
}
