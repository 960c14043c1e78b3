package org.isofield.shaders.compute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isofield.core.compute.KernelArgs;
import org.isofield.core.compute.KernelSource;

/**
 * One variant of a kernel module in both dialects. The program text is the dialect's prelude, one {@code #define}
 * line per define (sorted by name), then the module's sources in order, each opened by a {@code #line} marker so that
 * compiler messages name the right file. The CUDA text is exactly what {@link NvccBuild} compiles and hashes.
 */
public final class ComputeModule implements KernelSource {
    private final ModuleCatalog.Module module;
    private final Map<String, Integer> defines;

    ComputeModule(ModuleCatalog.Module module, Map<String, Integer> defines) {
        this.module = module;
        this.defines = new TreeMap<>(defines);
    }

    public String name() {
        return module.name();
    }

    public Map<String, Integer> defines() {
        return defines;
    }

    /** Whether nvcc builds this variant ahead (only listed variants have CUDA images). */
    public boolean prebuilt() {
        return module.variants().contains(defines);
    }

    @Override
    public String cacheKey() {
        if (defines.isEmpty()) {
            return module.name();
        }
        StringBuilder b = new StringBuilder(module.name()).append('[');
        defines.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '[' ? "" : ",").append(k).append('=').append(v));
        return b.append(']').toString();
    }

    /** File stem of the CUDA images: {@code mlp__WIDTH_64}. */
    String fileStem() {
        StringBuilder b = new StringBuilder(module.name());
        defines.forEach((k, v) -> b.append("__").append(k).append('_').append(v));
        return b.toString();
    }

    /** The program text with the given prelude. */
    String text(String prelude) {
        StringBuilder b = new StringBuilder(ModuleCatalog.text(ModuleCatalog.ROOT + prelude));
        defines.forEach((k, v) -> b.append("#define ").append(k).append(' ').append(v).append('\n'));
        for (String file : module.sources()) {
            b.append("#line 1 \"").append(file).append("\"\n");
            b.append(ModuleCatalog.text(ModuleCatalog.ROOT + file));
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * The parameter kinds of {@code kernel} from its definition in the module's sources ({@code KERNEL void
     * name(...)}):
     * a pointer is an array, {@code float} a float, any other scalar a 32-bit int. Null when the sources do not
     * define it.
     */
    @Override
    public List<KernelArgs.Arg.Kind> parameters(String kernel) {
        Matcher m = Pattern.compile("KERNEL\\s+void\\s+" + Pattern.quote(
                kernel) + "\\s*\\(([^)]*)\\)").matcher(text("prelude_cuda.h"));
        if (!m.find()) {
            return null;
        }
        List<KernelArgs.Arg.Kind> kinds = new ArrayList<>();
        String list = m.group(1).strip();
        if (list.isEmpty() || list.equals("void")) {
            return kinds;
        }
        for (String p : list.split(",")) {
            String t = p.strip();
            kinds.add(t.contains("*") ? KernelArgs.Arg.Kind.ARRAY
                    : t.startsWith("float ") ? KernelArgs.Arg.Kind.FLOAT
                    : KernelArgs.Arg.Kind.INT);
        }
        return kinds;
    }

    /** The CUDA C++ text nvcc compiles. */
    public String cudaText() {
        return text("prelude_cuda.h");
    }

    /** Whether the module has no OpenCL form (tensor-core kernels). */
    public boolean cudaOnly() {
        return module.cudaOnly();
    }

    @Override
    public String openClSource() {
        if (module.cudaOnly()) {
            throw new IllegalStateException("kernel module " + module.name() + " is CUDA-only (tensor cores); it has"
                    + " no OpenCL form");
        }
        return text("prelude_opencl.h");
    }

    @Override
    public String openClOptions() {
        return "-cl-std=CL1.2 -cl-fp32-correctly-rounded-divide-sqrt";
    }

    /** SHA-256 of the nvcc targets and flags and {@link #cudaText()}, hex: what decides the images. */
    public String cudaSha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ModuleCatalog c = ModuleCatalog.get();
            String head = "// cubins " + c.cubins + " ptx " + c.ptx + " flags " + c.nvccFlags + "\n";
            md.update(head.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(cudaText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The best image for compute capability {@code cc}: a same-major cubin at or below it, else the PTX. */
    private String imageFile(int cc) {
        if (!prebuilt()) {
            return null;
        }
        String best = null;
        int bestSm = -1;
        for (String sm : ModuleCatalog.get().cubins) {
            int v = Integer.parseInt(sm.substring(3));
            if (v / 10 == cc / 10 && v <= cc && v > bestSm) {
                best = fileStem() + "." + sm + ".cubin";
                bestSm = v;
            }
        }
        if (best != null && ModuleCatalog.bytes(ModuleCatalog.CUDA_ROOT + best) != null) {
            return best;
        }
        String ptx = ModuleCatalog.get().ptx;
        if (cc >= Integer.parseInt(ptx.substring(8))) {
            String f = fileStem() + "." + ptx + ".ptx";
            if (ModuleCatalog.bytes(ModuleCatalog.CUDA_ROOT + f) != null) {
                return f;
            }
        }
        return null;
    }

    @Override
    public byte[] cudaImage(int cc) {
        String f = imageFile(cc);
        return f == null ? null : ModuleCatalog.bytes(ModuleCatalog.CUDA_ROOT + f);
    }

    @Override
    public String cudaImageName(int cc) {
        String f = imageFile(cc);
        if (f == null) {
            return prebuilt() ? "none" : "none (variant not built ahead; built variants: " + module.variants() + ")";
        }
        return f.endsWith(".ptx") ? "ptx " + f.substring(f.lastIndexOf('.', f.length() - 5) + 1, f.length() - 4)
                : "cubin " + f.substring(f.lastIndexOf('.', f.length() - 7) + 1, f.length() - 6);
    }

    @Override
    public String toString() {
        return cacheKey();
    }
}
