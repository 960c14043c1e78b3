package org.isofield.core.compute.testing;

import org.isofield.core.compute.Backends;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.cuda.CudaProbe;
import org.isofield.core.compute.opencl.OpenClPlatforms;
import org.junit.jupiter.api.Assumptions;

/**
 * The compute devices of tests. An OpenCL device (POCL here) is required when {@code ISOFIELD_REQUIRE} names
 * {@code opencl} (CI does), so a broken install fails instead of skipping; CUDA tests are tagged {@code gpu} and skip
 * without a driver.
 */
public final class ComputeTesting {
    private ComputeTesting() {
    }

    /** Whether {@code ISOFIELD_REQUIRE} names {@code what}. */
    public static boolean required(String what) {
        String env = System.getenv("ISOFIELD_REQUIRE");
        if (env == null) {
            return false;
        }
        for (String s : env.split(",")) {
            if (s.trim().equalsIgnoreCase(what)) {
                return true;
            }
        }
        return false;
    }

    /** The OpenCL device, or a skipped test (a failure where OpenCL is required). */
    public static ComputeDevice openClOrSkip() {
        OpenClPlatforms.Probe p = OpenClPlatforms.probe();
        if (!p.any()) {
            if (required("opencl")) {
                throw new AssertionError("OpenCL is required (ISOFIELD_REQUIRE names opencl) but unavailable: "
                        + p.reason());
            }
            Assumptions.assumeTrue(false, "no OpenCL device: " + p.reason());
        }
        return Backends.openCl();
    }

    /** The CUDA device, or a skipped test. */
    public static ComputeDevice cudaOrSkip() {
        CudaProbe.Result r = CudaProbe.probe();
        Assumptions.assumeTrue(r.ok(), () -> "no CUDA: " + r.reason());
        return Backends.cuda();
    }
}
