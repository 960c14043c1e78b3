package org.isofield.core.compute.cuda;

import static org.bytedeco.cuda.global.cudart.CUDA_ERROR_OUT_OF_MEMORY;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetCount;
import static org.bytedeco.cuda.global.cudart.cuDriverGetVersion;
import static org.bytedeco.cuda.global.cudart.cuGetErrorName;
import static org.bytedeco.cuda.global.cudart.cuInit;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeException;

/** The driver calls behind {@link CudaProbe}, and the error check every CUDA call goes through. */
final class CudaDriver {
    private CudaDriver() {
    }

    static CudaProbe.Result probe() {
        Loader.load(org.bytedeco.cuda.global.cudart.class);
        int r = cuInit(0);
        if (r != 0) {
            return new CudaProbe.Result(false, 0, 0, "cuInit failed: " + name(r)
                    + (r == 100 ? " (the driver sees no CUDA device)" : ""));
        }
        int[] v = {0};
        cuDriverGetVersion(v);
        int[] n = {0};
        r = cuDeviceGetCount(n);
        if (r != 0 || n[0] == 0) {
            return new CudaProbe.Result(false, 0, v[0], r != 0 ? "cuDeviceGetCount failed: " + name(r)
                    : "the NVIDIA driver sees no device");
        }
        return new CudaProbe.Result(true, n[0], v[0], "");
    }

    /** {@code CUDA_ERROR_ILLEGAL_ADDRESS (700)}. */
    static String name(int code) {
        try {
            PointerPointer<BytePointer> p = new PointerPointer<>(1);
            if (cuGetErrorName(code, p) == 0 && p.get(0) != null) {
                return new BytePointer(p.get(0)).getString() + " (" + code + ")";
            }
        } catch (RuntimeException | LinkageError e) {
            // fall through to the number
        }
        return "CUDA error " + code;
    }

    /** Whether an error leaves the context unusable (a failed or faulting kernel). */
    static boolean sticky(int code) {
        return code == 700 || code == 701 || code == 702 || code == 714 || code == 715 || code == 716
                || code == 719 || code == 999;
    }

    /** Throws a {@link ComputeException} naming {@code call} when {@code code} is not {@code CUDA_SUCCESS}. */
    static void check(int code, String call) {
        if (code != 0) {
            throw failure(code, call);
        }
    }

    static ComputeException failure(int code, String call) {
        String m = call + " failed: " + name(code);
        if (sticky(code)) {
            m += "; the device is lost to this process (a kernel faulted): nothing more can run on it";
        } else if (code == CUDA_ERROR_OUT_OF_MEMORY) {
            m += "; device memory is full";
        }
        return new ComputeException(Backend.CUDA, m);
    }
}
