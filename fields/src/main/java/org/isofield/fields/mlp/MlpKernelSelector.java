package org.isofield.fields.mlp;

import org.isofield.core.compute.VectorApi;

/**
 * Picks the matrix kernels: the Vector API twin when the {@code jdk.incubator.vector} module is in the boot layer
 * (run with {@code --add-modules jdk.incubator.vector}) and not disabled by {@code -Disofield.mlp.kernels=scalar},
 * else the scalar reference.
 */
final class MlpKernelSelector {
    private MlpKernelSelector() {
    }

    static MlpKernels best() {
        return VectorApi.enabled("isofield.mlp.kernels") ? VectorMlpKernels.INSTANCE : ScalarMlpKernels.INSTANCE;
    }
}
