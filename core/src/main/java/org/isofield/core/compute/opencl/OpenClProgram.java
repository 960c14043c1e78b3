package org.isofield.core.compute.opencl;

import static org.lwjgl.opencl.CL10.CL_PROGRAM_BUILD_LOG;
import static org.lwjgl.opencl.CL10.clBuildProgram;
import static org.lwjgl.opencl.CL10.clCreateKernel;
import static org.lwjgl.opencl.CL10.clCreateProgramWithSource;
import static org.lwjgl.opencl.CL10.clEnqueueNDRangeKernel;
import static org.lwjgl.opencl.CL10.clGetProgramBuildInfo;
import static org.lwjgl.opencl.CL10.clReleaseKernel;
import static org.lwjgl.opencl.CL10.clReleaseProgram;
import static org.lwjgl.opencl.CL10.clSetKernelArg1f;
import static org.lwjgl.opencl.CL10.clSetKernelArg1i;
import static org.lwjgl.opencl.CL10.clSetKernelArg1p;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.DeviceMemoryException;
import org.isofield.core.compute.Kernel;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.KernelSource;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/** A program built from OpenCL C source at run time (POCL caches the binaries in {@code POCL_CACHE_DIR}). */
final class OpenClProgram implements Program {
    private final OpenClDevice device;
    private final KernelSource source;
    private final long program;
    private final Map<String, ClKernel> kernels = new HashMap<>();

    OpenClProgram(OpenClDevice device, KernelSource source) {
        this.device = device;
        this.source = source;
        try (MemoryStack s = MemoryStack.stackPush()) {
            IntBuffer err = s.mallocInt(1);
            program = clCreateProgramWithSource(device.context(), source.openClSource(), err);
            ClErrors.check(err.get(0), "clCreateProgramWithSource(" + source.cacheKey() + ")");
        }
        int r = clBuildProgram(program, device.device(), source.openClOptions(), null, 0);
        if (r != 0) {
            String log = buildLog();
            clReleaseProgram(program);
            throw new ComputeException(Backend.OPENCL, "clBuildProgram(" + source.cacheKey() + ") on "
                    + device.info().name() + " failed: " + ClErrors.name(r) + "; build log:\n" + log);
        }
    }

    private String buildLog() {
        try (MemoryStack s = MemoryStack.stackPush()) {
            PointerBuffer size = s.mallocPointer(1);
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, (ByteBuffer) null, size);
            ByteBuffer b = MemoryUtil.memAlloc((int) Math.max(1, size.get(0)));
            try {
                clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, b, null);
                String log = MemoryUtil.memASCII(b, Math.max(0, b.remaining() - 1));
                return log.length() > 8000 ? log.substring(0, 8000) + "\n..." : log;
            } finally {
                MemoryUtil.memFree(b);
            }
        }
    }

    @Override
    public KernelSource source() {
        return source;
    }

    @Override
    public synchronized Kernel kernel(String name) {
        return kernels.computeIfAbsent(name, n -> {
            try (MemoryStack s = MemoryStack.stackPush()) {
                IntBuffer err = s.mallocInt(1);
                long k = clCreateKernel(program, n, err);
                if (err.get(0) != 0) {
                    throw new ComputeException(Backend.OPENCL, "clCreateKernel(" + n + ") in " + source.cacheKey()
                            + " failed: " + ClErrors.name(err.get(0)));
                }
                return new ClKernel(n, k);
            }
        });
    }

    void release() {
        kernels.values().forEach(k -> clReleaseKernel(k.kernel));
        kernels.clear();
        clReleaseProgram(program);
    }

    private final class ClKernel implements Kernel {
        private final String name;
        private final long kernel;
        private final List<KernelArgs.Arg.Kind> parameters;

        ClKernel(String name, long kernel) {
            this.name = name;
            this.kernel = kernel;
            this.parameters = source.parameters(name);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void launch(Launch launch, KernelArgs args) {
            args.check(Backend.OPENCL, name, parameters);
            List<KernelArgs.Arg> list = args.list();
            for (int i = 0; i < list.size(); i++) {
                KernelArgs.Arg a = list.get(i);
                int r = switch (a.kind()) {
                    case ARRAY -> clSetKernelArg1p(kernel, i, handle(a));
                    case INT -> clSetKernelArg1i(kernel, i, a.intValue());
                    case FLOAT -> clSetKernelArg1f(kernel, i, a.floatValue());
                };
                if (r != 0) {
                    throw failure("clSetKernelArg(" + i + ", " + a + ")", r, launch, args);
                }
            }
            try (MemoryStack s = MemoryStack.stackPush()) {
                PointerBuffer global = s.mallocPointer(2).put(0, launch.threadsX()).put(1, launch.gridY());
                PointerBuffer local = s.mallocPointer(2).put(0, launch.blockX()).put(1, 1);
                int r = clEnqueueNDRangeKernel(device.queue(), kernel, 2, null, global, local, null, null);
                if (r != 0) {
                    throw failure("clEnqueueNDRangeKernel", r, launch, args);
                }
            }
        }

        private long handle(KernelArgs.Arg a) {
            if (!(a.array() instanceof OpenClArray c) || c.device() != device) {
                throw new IllegalArgumentException("kernel " + name + " argument " + a.name()
                        + " is not an array of this OpenCL device");
            }
            return c.kernelHandle();
        }

        private ComputeException failure(String call, int code, Launch launch, KernelArgs args) {
            String what = call + " of kernel " + name + " (" + launch + "; args " + args + ") failed: "
                    + ClErrors.name(code);
            if (ClErrors.outOfMemory(code)) {
                return new ComputeException(Backend.OPENCL, what + "; free device memory about "
                        + DeviceMemoryException.bytes(device.freeMemoryBytes()));
            }
            return new ComputeException(Backend.OPENCL, what);
        }
    }
}
