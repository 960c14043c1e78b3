package org.isofield.core.compute.cuda;

/**
 * Whether CUDA can run here, found once per process: the JavaCPP preset loads only where the NVIDIA driver's
 * {@code libcuda.so.1} is (its JNI library links against it), then {@code cuInit} and a device count must succeed.
 * After a failed probe nothing touches the CUDA classes again (a failed native load leaves them unusable, and every
 * later use would throw {@code NoClassDefFoundError}).
 */
public final class CudaProbe {
    /** The answer: devices found, or why none. */
    public record Result(boolean ok, int devices, int driverVersion, String reason) {
    }

    private static Result cached;

    private CudaProbe() {
    }

    /** The probe's answer; the first call loads the preset (about 0.2 s where it fails, more where it works). */
    public static synchronized Result probe() {
        if (cached == null) {
            cached = run();
        }
        return cached;
    }

    private static Result run() {
        try {
            return CudaDriver.probe();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            String msg = String.valueOf(e.getMessage());
            Throwable c = e.getCause();
            while (c != null) {
                msg = String.valueOf(c.getMessage());
                c = c.getCause();
            }
            String reason = msg.contains("libcuda.so") ? "no NVIDIA driver (libcuda.so.1 not found)"
                    : "the CUDA preset did not load: " + msg;
            return new Result(false, 0, 0, reason);
        } catch (RuntimeException e) {
            return new Result(false, 0, 0, "CUDA did not start: " + e.getMessage());
        }
    }
}
