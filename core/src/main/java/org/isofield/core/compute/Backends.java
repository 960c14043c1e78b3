package org.isofield.core.compute;

import java.util.EnumMap;
import java.util.Map;
import org.isofield.core.BackendUnavailableException;
import org.isofield.core.ConfigException;
import org.isofield.core.compute.cuda.CudaDevice;
import org.isofield.core.compute.cuda.CudaProbe;
import org.isofield.core.compute.opencl.OpenClDevice;
import org.isofield.core.compute.opencl.OpenClPlatforms;

/**
 * Chooses and opens the backend a run asked for. {@link Backend#AUTO} takes CUDA when a driver and a device answer,
 * else the first OpenCL GPU, else the Java CPU path (an OpenCL CPU device such as POCL only when asked for by name),
 * and says why; {@link Backend#CUDA} and {@link Backend#OPENCL} are taken or refused with a
 * {@link BackendUnavailableException} (exit code 4) that gives the reason, never replaced by another. Each device
 * is opened once per process and shared; probes run once.
 */
public final class Backends {
    private static final System.Logger LOG = System.getLogger(Backends.class.getName());
    private static final Map<Backend, ComputeDevice> OPEN = new EnumMap<>(Backend.class);

    private Backends() {
    }

    /**
     * The chosen backend.
     *
     * @param backend {@link Backend#CPU}, {@link Backend#OPENCL} or {@link Backend#CUDA}
     * @param device  the open device, null for the CPU path
     * @param reason  why this one, for logs and reports ({@code "auto: CUDA first"}, {@code "asked for"})
     */
    public record Selection(Backend backend, ComputeDevice device, String reason) {
        public boolean onDevice() {
            return device != null;
        }

        /** {@code cuda: NVIDIA H100 ... (auto: CUDA first)} or {@code cpu: Java (auto: no NVIDIA driver ...)}. */
        public String describe() {
            String what = device == null ? "cpu: Java, " + Runtime.getRuntime().availableProcessors() + " threads"
                    : device.info().describe();
            return what + " (" + reason + ")";
        }
    }

    /** {@link #select(Backend, Precision)} in fp32. */
    public static Selection select(Backend requested) {
        return select(requested, Precision.FP32);
    }

    /**
     * Chooses the backend for a run and opens its device.
     *
     * @throws BackendUnavailableException when the backend asked for cannot run here (or fp16 has no tensor cores)
     * @throws ConfigException when fp16 is asked for on a backend without tensor cores (cpu, opencl)
     */
    public static synchronized Selection select(Backend requested, Precision precision) {
        Selection s = choose(requested == null ? Backend.AUTO : requested, precision);
        LOG.log(System.Logger.Level.DEBUG, "backend " + s.describe());
        return s;
    }

    private static Selection choose(Backend requested, Precision precision) {
        if (precision == Precision.FP16 && (requested == Backend.CPU || requested == Backend.OPENCL)) {
            throw new ConfigException("precision", "fp16 uses CUDA tensor cores, which backend " + requested
                    + " has not; expected precision fp32 with backend " + requested + ", or backend cuda (or auto)");
        }
        switch (requested) {
            case CPU:
                return new Selection(Backend.CPU, null, "asked for");
            case CUDA:
                return checked(new Selection(Backend.CUDA, cuda(), "asked for"), precision);
            case OPENCL:
                return new Selection(Backend.OPENCL, openCl(), "asked for");
            default:
                break;
        }
        CudaProbe.Result cuda = CudaProbe.probe();
        if (cuda.ok()) {
            return checked(new Selection(Backend.CUDA, cuda(), "auto: CUDA first"), precision);
        }
        if (precision == Precision.FP16) {
            throw new BackendUnavailableException("cuda", "precision fp16 needs CUDA tensor cores: " + cuda.reason()
                    + "; use precision fp32");
        }
        OpenClPlatforms.Probe cl = OpenClPlatforms.probe();
        if (cl.firstGpu() != null) {
            return new Selection(Backend.OPENCL, openCl(), "auto: no CUDA (" + cuda.reason() + "), OpenCL GPU next");
        }
        String clWhy = cl.any() ? "OpenCL has no GPU, only " + cl.devices().get(0).name()
                + " (ask for it with backend opencl)" : "no OpenCL device (" + cl.reason() + ")";
        return new Selection(Backend.CPU, null, "auto: no CUDA (" + cuda.reason() + "); " + clWhy);
    }

    private static Selection checked(Selection s, Precision precision) {
        if (precision == Precision.FP16 && !s.device().info().tensorCores()) {
            throw new BackendUnavailableException("cuda", "precision fp16 needs tensor cores (compute capability 7.0"
                    + " or newer); " + s.device().info().name() + " is sm_" + s.device().info().computeCapability());
        }
        return s;
    }

    /** The CUDA device (the first one), opened on first use. */
    public static synchronized ComputeDevice cuda() {
        ComputeDevice d = OPEN.get(Backend.CUDA);
        if (d == null) {
            CudaProbe.Result p = CudaProbe.probe();
            if (!p.ok()) {
                throw new BackendUnavailableException("cuda", p.reason());
            }
            d = new CudaDevice(0);
            OPEN.put(Backend.CUDA, d);
        }
        return d;
    }

    /** The OpenCL device (the first GPU, else the first device), opened on first use. */
    public static synchronized ComputeDevice openCl() {
        ComputeDevice d = OPEN.get(Backend.OPENCL);
        if (d == null) {
            OpenClPlatforms.Probe p = OpenClPlatforms.probe();
            if (!p.any()) {
                throw new BackendUnavailableException("opencl", p.reason());
            }
            OpenClPlatforms.Found f = p.firstGpu() != null ? p.firstGpu() : p.devices().get(0);
            warnWithoutSignalChaining();
            d = new OpenClDevice(f);
            OPEN.put(Backend.OPENCL, d);
        }
        return d;
    }

    /**
     * OpenCL drivers that compile with LLVM in the process (POCL; lavapipe for Vulkan likewise) replace the JVM's
     * SIGSEGV handler, and the JVM then dies at its next implicit null check or safepoint poll. The JVM's
     * signal-chaining library, preloaded, keeps the JVM's handler first; the isofield launchers and the test setup
     * preload it. A library caller who did not gets this warning once (docs/decisions/llvm-signal-handlers.md).
     */
    private static void warnWithoutSignalChaining() {
        String preload = System.getenv("LD_PRELOAD");
        if (System.getProperty("os.name", "").startsWith("Linux") && (preload == null
                || !preload.contains("libjsig"))) {
            LOG.log(System.Logger.Level.WARNING, "OpenCL drivers built on LLVM (such as POCL) replace the JVM's"
                    + " signal handlers, which can crash the JVM later; start Java with LD_PRELOAD="
                    + System.getProperty("java.home") + "/lib/libjsig.so (the isofield launchers do)");
        }
    }

    /** Why a backend cannot run here, or empty when it can (probes only; opens nothing). */
    public static String unavailableReason(Backend b) {
        return switch (b) {
            case CUDA -> CudaProbe.probe().ok() ? "" : CudaProbe.probe().reason();
            case OPENCL -> OpenClPlatforms.probe().any() ? "" : OpenClPlatforms.probe().reason();
            default -> "";
        };
    }
}
