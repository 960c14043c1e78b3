package org.isofield.shaders.compute;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compute kernel modules, by name: the entry point the device code of the other modules uses to get a
 * {@link org.isofield.core.compute.KernelSource}. Module files live in {@code org/isofield/shaders/compute/}
 * ({@code modules.json} lists them), the nvcc-built images in its {@code cuda/} folder.
 */
public final class ComputeModules {
    private ComputeModules() {
    }

    /** A module without defines. */
    public static ComputeModule get(String name) {
        return get(name, Map.of());
    }

    /**
     * A module variant. Any defines build on OpenCL; CUDA has images only for the variants {@code modules.json} lists.
     *
     * @throws IllegalArgumentException for an unknown module
     */
    public static ComputeModule get(String name, Map<String, Integer> defines) {
        ModuleCatalog.Module m = ModuleCatalog.get().modules.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown kernel module \"" + name + "\"; known: "
                    + ModuleCatalog.get().modules.keySet());
        }
        return new ComputeModule(m, defines);
    }

    /** Every module name. */
    public static Set<String> names() {
        return ModuleCatalog.get().modules.keySet();
    }

    /** Every variant nvcc builds ahead, in catalog order. */
    public static List<ComputeModule> prebuiltVariants() {
        return ModuleCatalog.get().modules.values().stream()
                .flatMap(m -> m.variants().stream().map(v -> new ComputeModule(m, v))).toList();
    }
}
