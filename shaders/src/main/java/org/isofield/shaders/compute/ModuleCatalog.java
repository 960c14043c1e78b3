package org.isofield.shaders.compute;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.isofield.core.config.Json;

/**
 * The kernel modules of {@code compute/modules.json}: per module its source files (in order) and the variants (sets of
 * compile-time defines) nvcc builds ahead; plus the CUDA targets. Read once from the class path.
 */
final class ModuleCatalog {
    /** Resource folder of the kernel sources. */
    static final String ROOT = "org/isofield/shaders/compute/";
    /** Resource folder of the nvcc-built images and their manifest. */
    static final String CUDA_ROOT = ROOT + "cuda/";

    /** One module: name, source files, variants, and whether it has no OpenCL form (tensor-core kernels). */
    record Module(String name, List<String> sources, List<Map<String, Integer>> variants, boolean cudaOnly) {
    }

    private static ModuleCatalog instance;

    final List<String> cubins;
    final String ptx;
    final List<String> nvccFlags;
    final Map<String, Module> modules;

    private ModuleCatalog(JsonNode json) {
        cubins = strings(json.get("cubins"));
        ptx = json.get("ptx").asText();
        nvccFlags = strings(json.get("nvcc_flags"));
        Map<String, Module> m = new TreeMap<>();
        for (JsonNode mod : json.get("modules")) {
            List<Map<String, Integer>> variants = new ArrayList<>();
            for (JsonNode v : mod.get("variants")) {
                Map<String, Integer> d = new TreeMap<>();
                v.fields().forEachRemaining(e -> d.put(e.getKey(), e.getValue().asInt()));
                variants.add(d);
            }
            String name = mod.get("name").asText();
            m.put(name, new Module(name, strings(mod.get("sources")), variants,
                    mod.has("cuda_only") && mod.get("cuda_only").asBoolean()));
        }
        modules = m;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    static synchronized ModuleCatalog get() {
        if (instance == null) {
            instance = new ModuleCatalog(Json.parse(text(ROOT + "modules.json"), "modules.json"));
        }
        return instance;
    }

    /** A text resource of this module's jar. */
    static String text(String path) {
        byte[] b = bytes(path);
        if (b == null) {
            throw new IllegalStateException("kernel resource " + path + " is missing from the class path");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A resource's bytes, or null when absent. */
    static byte[] bytes(String path) {
        try (InputStream in = ModuleCatalog.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
