package org.isofield.core.compute;

/**
 * Whether the CPU kernels written on the incubating Vector API ({@code jdk.incubator.vector}) may run: the module must
 * be in the boot layer (the JVM option {@code --add-modules jdk.incubator.vector}, which the launcher passes), and the
 * kernel family's switch must not say {@code scalar}. Every Vector API kernel has a scalar twin that gives the same
 * results, so the switches ({@code -Disofield.mlp.kernels}, {@code -Disofield.encoding.kernels},
 * {@code -Disofield.optimizer.kernels}) exist for comparison and for runtimes without the module.
 */
public final class VectorApi {
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }

    /** True when {@code jdk.incubator.vector} is loaded in this JVM. */
    public static boolean present() {
        return PRESENT;
    }

    /** True when the module is loaded and the system property {@code switchProperty} is not {@code scalar}. */
    public static boolean enabled(String switchProperty) {
        return PRESENT && !"scalar".equalsIgnoreCase(System.getProperty(switchProperty, ""));
    }
}
