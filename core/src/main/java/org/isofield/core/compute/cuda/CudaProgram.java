package org.isofield.core.compute.cuda;

import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.cudart.cuModuleUnload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.Kernel;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.KernelSource;
import org.isofield.core.compute.Launch;
import org.isofield.core.compute.Program;

/** A module loaded with {@code cuModuleLoadData} from a shipped cubin or PTX image. */
final class CudaProgram implements Program {
    private final CudaDevice device;
    private final KernelSource source;
    private final CUmod_st module = new CUmod_st();
    private final Map<String, CudaKernel> kernels = new HashMap<>();

    CudaProgram(CudaDevice device, KernelSource source) {
        this.device = device;
        this.source = source;
        int cc = device.info().computeCapability();
        byte[] image = source.cudaImage(cc);
        if (image == null) {
            throw new ComputeException(Backend.CUDA, "module " + source.cacheKey() + " has no CUDA image for sm_" + cc
                    + " (cubins and PTX are built by nvcc at build time; rebuild with nvcc on PATH)");
        }
        BytePointer img = new BytePointer(image.length + 1L);
        img.put(image);
        img.put(image.length, (byte) 0);
        CudaDriver.check(cuModuleLoadData(module, img), "cuModuleLoadData(" + source.cacheKey() + ", "
                + source.cudaImageName(cc) + ")");
    }

    @Override
    public KernelSource source() {
        return source;
    }

    @Override
    public synchronized Kernel kernel(String name) {
        return kernels.computeIfAbsent(name, n -> {
            CUfunc_st f = new CUfunc_st();
            int r = cuModuleGetFunction(f, module, n);
            if (r != 0) {
                throw new ComputeException(Backend.CUDA, "cuModuleGetFunction(" + n + ") in " + source.cacheKey()
                        + " failed: " + CudaDriver.name(r));
            }
            return new CudaKernel(n, f);
        });
    }

    void release() {
        cuModuleUnload(module);
    }

    private final class CudaKernel implements Kernel {
        private final String name;
        private final CUfunc_st function;
        private final List<KernelArgs.Arg.Kind> parameters;

        CudaKernel(String name, CUfunc_st function) {
            this.name = name;
            this.function = function;
            this.parameters = source.parameters(name);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void launch(Launch launch, KernelArgs args) {
            args.check(Backend.CUDA, name, parameters);
            device.bind();
            List<KernelArgs.Arg> list = args.list();
            Pointer[] values = new Pointer[list.size()];
            for (int i = 0; i < values.length; i++) {
                KernelArgs.Arg a = list.get(i);
                values[i] = switch (a.kind()) {
                    case ARRAY -> new LongPointer(new long[] {pointer(a)});
                    case INT -> new IntPointer(new int[] {a.intValue()});
                    case FLOAT -> new FloatPointer(new float[] {a.floatValue()});
                };
            }
            PointerPointer<Pointer> params = new PointerPointer<>(values);
            int r = cuLaunchKernel(function, launch.gridX(), launch.gridY(), 1, launch.blockX(), 1, 1, 0,
                    CudaDevice.STREAM, params, null);
            if (r != 0) {
                throw CudaDriver.failure(r, "cuLaunchKernel(" + name + ", " + launch + "; args " + args + ")");
            }
        }

        private long pointer(KernelArgs.Arg a) {
            if (!(a.array() instanceof CudaArray c) || c.device() != device) {
                throw new IllegalArgumentException("kernel " + name + " argument " + a.name()
                        + " is not an array of this CUDA device");
            }
            return c.pointer();
        }
    }
}
