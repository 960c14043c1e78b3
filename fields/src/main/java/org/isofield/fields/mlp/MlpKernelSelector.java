package org.isofield.fields.mlp;

/**
 * Picks the matrix kernels: the Vector API twin when the {@code jdk.incubator.vector} module is in the boot layer
 * (run with {@code --add-modules jdk.incubator.vector}) and not disabled by {@code -Disofield.mlp.kernels=scalar},
 * else the scalar reference.
 */
final class MlpKernelSelector {
    private MlpKernelSelector() {
    }

    static MlpKernels best() {
        if ("scalar".equalsIgnoreCase(System.getProperty("isofield.mlp.kernels", ""))) {
            return ScalarMlpKernels.INSTANCE;
        }
        return vectorApiPresent() ? VectorMlpKernels.INSTANCE : ScalarMlpKernels.INSTANCE;
    }

    /** True when the Vector API module is present at run time. */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
