package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.shaderc.Shaderc.*;
import static org.lwjgl.vulkan.VK10.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isofield.core.IsofieldException;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;

/**
 * The GLSL shaders of the {@code shaders} module ({@code org/isofield/shaders/glsl/} on the class path), compiled to
 * SPIR-V at run time with shaderc (LWJGL bundles its natives, so no tool is needed at build time). The stage comes
 * from the extension ({@code .vert}, {@code .frag}, {@code .comp}); {@code #include "x.glsl"} lines are replaced by
 * that resource. A variant adds {@code #define NAME} lines after {@code #version} (e.g. {@code SCALAR}, {@code CLIP} of
 * the raster shaders), so a variant's code stays out of the plain shader. Each shader variant is compiled once per
 * process (about 0.2 s for the first, including loading shaderc).
 */
public final class ShaderLibrary {
    /** The class-path folder of the GLSL sources. */
    public static final String ROOT = "/org/isofield/shaders/glsl/";
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*#include\\s+\"([^\"]+)\"\\s*$");
    private static final Map<String, byte[]> SPIRV = new ConcurrentHashMap<>();

    private ShaderLibrary() {
    }

    /** The SPIR-V of shader {@code name} (e.g. {@code mesh.vert}), compiled on first use. */
    public static byte[] spirv(String name) {
        return spirv(name, List.of());
    }

    /** The SPIR-V of shader {@code name} compiled with {@code defines} (macro names), compiled on first use. */
    public static byte[] spirv(String name, List<String> defines) {
        for (String d : defines) {
            if (!d.matches("[A-Z_][A-Z0-9_]*")) {
                throw new IllegalArgumentException("shader define \"" + d + "\"; expected an upper-case macro name");
            }
        }
        String key = defines.isEmpty() ? name : name + "#" + String.join(",", defines);
        return SPIRV.computeIfAbsent(key, k -> compile(name, defines));
    }

    /** A shader module of {@code name} on {@code device}; the caller destroys it. */
    static long module(VkDevice device, String name) {
        return module(device, name, List.of());
    }

    /** A shader module of {@code name} compiled with {@code defines} on {@code device}; the caller destroys it. */
    static long module(VkDevice device, String name, List<String> defines) {
        byte[] code = spirv(name, defines);
        ByteBuffer buf = MemoryUtil.memAlloc(code.length);
        try (MemoryStack s = stackPush()) {
            buf.put(code).flip();
            LongBuffer p = s.mallocLong(1);
            check(vkCreateShaderModule(device, VkShaderModuleCreateInfo.calloc(s).sType$Default().pCode(buf), null, p),
                    "vkCreateShaderModule(" + name + ")");
            return p.get(0);
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    /** The GLSL text of {@code name} with its includes expanded. */
    static String source(String name) {
        return source(name, List.of());
    }

    /** The GLSL text of {@code name} with {@code #define} lines for {@code defines} and its includes expanded. */
    static String source(String name, List<String> defines) {
        String text = resource(name);
        if (!defines.isEmpty()) {
            int eol = text.indexOf('\n');
            if (!text.startsWith("#version") || eol < 0) {
                throw new IsofieldException("shader " + name + ": expected #version on its first line to add defines "
                        + "after");
            }
            StringBuilder withDefines = new StringBuilder(text.substring(0, eol + 1));
            for (String d : defines) {
                withDefines.append("#define ").append(d).append(" 1\n");
            }
            text = withDefines.append(text.substring(eol + 1)).toString();
        }
        Matcher m = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resource(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ShaderLibrary.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IsofieldException("shader " + ROOT + name + " is not on the class path; expected it in the "
                        + "isofield-shaders jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("shader " + name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int kind(String name) {
        if (name.endsWith(".vert")) {
            return shaderc_glsl_vertex_shader;
        }
        if (name.endsWith(".frag")) {
            return shaderc_glsl_fragment_shader;
        }
        if (name.endsWith(".comp")) {
            return shaderc_glsl_compute_shader;
        }
        throw new IllegalArgumentException("shader " + name + ": unknown stage; expected .vert, .frag or .comp");
    }

    private static byte[] compile(String name, List<String> defines) {
        int kind = kind(name);
        String src = source(name, defines);
        long compiler = shaderc_compiler_initialize();
        long options = shaderc_compile_options_initialize();
        long result = 0;
        try {
            shaderc_compile_options_set_target_env(options, shaderc_target_env_vulkan, shaderc_env_version_vulkan_1_1);
            shaderc_compile_options_set_optimization_level(options, shaderc_optimization_level_performance);
            result = shaderc_compile_into_spv(compiler, src, kind, name, "main", options);
            if (result == 0 || shaderc_result_get_compilation_status(result) != shaderc_compilation_status_success) {
                String msg = result == 0 ? "no result" : shaderc_result_get_error_message(result);
                throw new IsofieldException("shader " + name + " does not compile: " + msg);
            }
            ByteBuffer bytes = shaderc_result_get_bytes(result);
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } finally {
            if (result != 0) {
                shaderc_result_release(result);
            }
            shaderc_compile_options_release(options);
            shaderc_compiler_release(compiler);
        }
    }
}
