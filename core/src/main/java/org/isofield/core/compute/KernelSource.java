package org.isofield.core.compute;
import java.util.List;

/**
 * One module of kernels in both dialects: the OpenCL C text a device builds at run time, and the CUDA images nvcc
 * built ahead (cubin per architecture, PTX the driver compiles for others). Made by the {@code shaders} module from
 * the shared kernel sources; the runtime only builds or loads what it is given, and caches it per device by
 * {@link #cacheKey()}.
 */
public interface KernelSource {
    /** The module and its variant, for messages and caches, e.g. {@code mlp[WIDTH=64]}. */
    String cacheKey();

    /** The full OpenCL C program text: prelude, variant defines, kernel sources. */
    String openClSource();

    /** Build options for {@code clBuildProgram}. */
    String openClOptions();

    /**
     * The CUDA image for a device of compute capability {@code cc} (times 10): a cubin built for it, else PTX for the
     * newest virtual architecture at or below it; null when the module has none (a build without nvcc, or an
     * OpenCL-only module).
     */
    byte[] cudaImage(int cc);

    /** What {@link #cudaImage} would give, for messages: {@code cubin sm_90}, {@code ptx compute_75} or {@code none}.
     * */
    String cudaImageName(int cc);

    /**
     * The kinds of {@code kernel}'s parameters in order, from its source, or null when unknown: a launch whose
     * arguments do not match is refused before the driver sees it ({@link KernelArgs#check}).
     */
    default List<KernelArgs.Arg.Kind> parameters(String kernel) {
        return null;
    }
}
