package org.isofield.core.compute.opencl;

import static org.lwjgl.opencl.CL10.CL_DEVICE_NAME;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE_ALL;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE_GPU;
import static org.lwjgl.opencl.CL10.CL_PLATFORM_NAME;
import static org.lwjgl.opencl.CL10.clGetDeviceIDs;
import static org.lwjgl.opencl.CL10.clGetDeviceInfo;
import static org.lwjgl.opencl.CL10.clGetPlatformIDs;
import static org.lwjgl.opencl.CL10.clGetPlatformInfo;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The OpenCL devices of this machine, found once per process. The ICD loader is {@code libOpenCL.so.1} (Debian's
 * {@code ocl-icd-libopencl1}; LWJGL would look for the unversioned name, which only the -dev package installs); a
 * missing loader or no platform is an answer with a reason, never an exception.
 */
public final class OpenClPlatforms {
    /** One device: its platform, handle, name and whether it is a GPU. */
    public record Found(long platform, long device, String platformName, String name, boolean gpu) {
    }

    /** The devices, or why there are none. */
    public record Probe(List<Found> devices, String reason) {
        public boolean any() {
            return !devices.isEmpty();
        }

        /** The first GPU, or null. */
        public Found firstGpu() {
            return devices.stream().filter(Found::gpu).findFirst().orElse(null);
        }
    }

    private static Probe cached;

    private OpenClPlatforms() {
    }

    /** The devices, probed on the first call. */
    public static synchronized Probe probe() {
        if (cached == null) {
            cached = find();
        }
        return cached;
    }

    private static Probe find() {
        if (Configuration.OPENCL_LIBRARY_NAME.get() == null) {
            Configuration.OPENCL_LIBRARY_NAME.set("libOpenCL.so.1");
        }
        List<Found> out = new ArrayList<>();
        try (MemoryStack s = MemoryStack.stackPush()) {
            IntBuffer count = s.mallocInt(1);
            int r = clGetPlatformIDs(null, count);
            if (r != 0 || count.get(0) == 0) {
                return new Probe(out, "no OpenCL platform (" + (r != 0 ? ClErrors.name(r) : "none installed")
                        + "); Debian: apt-get install pocl-opencl-icd for a CPU device, or the GPU vendor's driver");
            }
            PointerBuffer platforms = s.mallocPointer(count.get(0));
            ClErrors.check(clGetPlatformIDs(platforms, (IntBuffer) null), "clGetPlatformIDs");
            for (int p = 0; p < platforms.capacity(); p++) {
                long platform = platforms.get(p);
                String pname = platformString(platform, CL_PLATFORM_NAME);
                IntBuffer dc = s.mallocInt(1);
                if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, null, dc) != 0 || dc.get(0) == 0) {
                    continue;
                }
                PointerBuffer devs = s.mallocPointer(dc.get(0));
                ClErrors.check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devs, (IntBuffer) null), "clGetDeviceIDs");
                for (int d = 0; d < devs.capacity(); d++) {
                    long device = devs.get(d);
                    LongBuffer type = s.mallocLong(1);
                    ClErrors.check(clGetDeviceInfo(device, CL_DEVICE_TYPE, type, null), "clGetDeviceInfo(TYPE)");
                    out.add(new Found(platform, device, pname, deviceString(device, CL_DEVICE_NAME),
                            (type.get(0) & CL_DEVICE_TYPE_GPU) != 0));
                }
            }
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return new Probe(out, "no OpenCL ICD loader (" + Configuration.OPENCL_LIBRARY_NAME.get() + ": "
                    + e.getMessage() + "); Debian: apt-get install ocl-icd-libopencl1 pocl-opencl-icd");
        }
        return new Probe(out, out.isEmpty() ? "OpenCL platforms have no devices" : "");
    }

    static String platformString(long platform, int param) {
        try (MemoryStack s = MemoryStack.stackPush()) {
            PointerBuffer size = s.mallocPointer(1);
            ClErrors.check(clGetPlatformInfo(platform, param, (ByteBuffer) null, size), "clGetPlatformInfo");
            ByteBuffer b = s.malloc((int) size.get(0));
            ClErrors.check(clGetPlatformInfo(platform, param, b, null), "clGetPlatformInfo");
            return MemoryUtil.memASCII(b, b.remaining() - 1);
        }
    }

    static String deviceString(long device, int param) {
        try (MemoryStack s = MemoryStack.stackPush()) {
            PointerBuffer size = s.mallocPointer(1);
            ClErrors.check(clGetDeviceInfo(device, param, (ByteBuffer) null, size), "clGetDeviceInfo");
            ByteBuffer b = s.malloc((int) size.get(0));
            ClErrors.check(clGetDeviceInfo(device, param, b, null), "clGetDeviceInfo");
            return MemoryUtil.memASCII(b, b.remaining() - 1).trim();
        }
    }

    static long deviceLong(long device, int param) {
        try (MemoryStack s = MemoryStack.stackPush()) {
            LongBuffer v = s.mallocLong(1);
            ClErrors.check(clGetDeviceInfo(device, param, v, null), "clGetDeviceInfo");
            return v.get(0);
        }
    }

    static int deviceInt(long device, int param) {
        try (MemoryStack s = MemoryStack.stackPush()) {
            IntBuffer v = s.mallocInt(1);
            ClErrors.check(clGetDeviceInfo(device, param, v, null), "clGetDeviceInfo");
            return v.get(0);
        }
    }

    static long deviceSize(long device, int param) {
        try (MemoryStack s = MemoryStack.stackPush()) {
            PointerBuffer v = s.mallocPointer(1);
            ClErrors.check(clGetDeviceInfo(device, param, v, null), "clGetDeviceInfo");
            return v.get(0);
        }
    }
}
