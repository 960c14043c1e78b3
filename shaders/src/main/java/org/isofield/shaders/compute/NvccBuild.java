package org.isofield.shaders.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.isofield.core.config.Json;

/**
 * Builds the CUDA images of every prebuilt kernel variant with nvcc, ahead of time (run by the {@code nvcc} Maven
 * profile after the shaders module compiles). A variant is rebuilt only when the SHA-256 of its CUDA text differs
 * from the one in {@code cuda/manifest.json} or an image is missing. The shipped images in {@code src/main/resources}
 * change only in update mode ({@code -Dnvcc.update=true}, to be committed); otherwise fresh images go to
 * {@code target/classes} alone, with a warning, and the default test {@code CudaImagesTest} fails until the shipped
 * ones are updated. Without nvcc on the PATH the shipped images stay as they are.
 *
 * <p>Usage: {@code NvccBuild RESOURCES_DIR CLASSES_DIR [update]}.
 */
public final class NvccBuild {
    private NvccBuild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path resources = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        boolean update = args.length > 2 && Boolean.parseBoolean(args[2]);
        Path shipped = resources.resolve(ModuleCatalog.CUDA_ROOT);
        Path built = classes.resolve(ModuleCatalog.CUDA_ROOT);
        JsonNode manifest = readManifest(shipped.resolve("manifest.json"));
        List<ComputeModule> stale = new ArrayList<>();
        for (ComputeModule m : ComputeModules.prebuiltVariants()) {
            if (!fresh(m, manifest, shipped)) {
                stale.add(m);
            }
        }
        if (stale.isEmpty()) {
            log("CUDA images of " + ComputeModules.prebuiltVariants().size() + " kernel variants are up to date");
            return;
        }
        String nvcc = findNvcc();
        if (nvcc == null) {
            log("WARNING: no nvcc on PATH; " + stale.size() + " shipped CUDA images are stale against their sources "
                    + names(stale) + " (CudaImagesTest fails until they are rebuilt on a machine with nvcc)");
            return;
        }
        Path out = update ? shipped : built;
        Files.createDirectories(out);
        Files.createDirectories(built);
        ObjectNode m = manifest instanceof ObjectNode o ? o.deepCopy() : Json.mapper().createObjectNode();
        ModuleCatalog cat = ModuleCatalog.get();
        m.put("nvcc", version(nvcc));
        m.set("nvcc_flags", Json.mapper().valueToTree(cat.nvccFlags));
        ObjectNode mods = m.has("modules") ? (ObjectNode) m.get("modules") : m.putObject("modules");
        Path tmp = Files.createTempDirectory("isofield-nvcc");
        for (ComputeModule c : stale) {
            long t0 = System.nanoTime();
            Path cu = tmp.resolve(c.fileStem() + ".cu");
            Files.writeString(cu, c.cudaText(), StandardCharsets.UTF_8);
            StringBuilder report = new StringBuilder();
            List<String> images = new ArrayList<>();
            for (String sm : cat.cubins) {
                String file = c.fileStem() + "." + sm + ".cubin";
                report.append(run(nvcc, "-cubin", "-arch=" + sm, cu, out.resolve(file), cat.nvccFlags));
                images.add(file);
            }
            String ptx = c.fileStem() + "." + cat.ptx + ".ptx";
            run(nvcc, "-ptx", "-arch=" + cat.ptx, cu, out.resolve(ptx), cat.nvccFlags);
            images.add(ptx);
            String reportFile = c.fileStem() + ".ptxas.txt";
            Files.writeString(out.resolve(reportFile), report.toString(), StandardCharsets.UTF_8);
            ObjectNode e = mods.putObject(c.cacheKey());
            e.put("file", c.fileStem());
            e.put("sha256", c.cudaSha256());
            e.set("images", Json.mapper().valueToTree(images));
            e.set("defines", Json.mapper().valueToTree(c.defines()));
            if (out != built) {
                for (String f : images) {
                    Files.copy(out.resolve(f), built.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            log(String.format("nvcc %s: %d images in %.1f s", c.cacheKey(), images.size(),
                    (System.nanoTime() - t0) * 1e-9));
        }
        Set<String> keys = new TreeSet<>();
        ComputeModules.prebuiltVariants().forEach(v -> keys.add(v.cacheKey()));
        List<String> gone = new ArrayList<>();
        mods.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                gone.add(k);
            }
        });
        gone.forEach(mods::remove);
        Files.writeString(out.resolve("manifest.json"), Json.write(m) + "\n", StandardCharsets.UTF_8);
        if (out != built) {
            Files.copy(out.resolve("manifest.json"), built.resolve("manifest.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } else {
            log("WARNING: built " + stale.size() + " CUDA images into " + built + " only; the shipped ones in "
                    + shipped + " are stale " + names(stale) + ": run mvn -pl shaders process-classes"
                    + " -Dnvcc.update=true and commit them");
        }
    }

    static JsonNode readManifest(Path file) throws IOException {
        return Files.exists(file) ? Json.parse(Files.readString(file), file.toString())
                : Json.mapper().createObjectNode();
    }

    /** Whether the shipped manifest has this variant's hash and its images exist. */
    static boolean fresh(ComputeModule c, JsonNode manifest, Path dir) {
        JsonNode e = manifest.path("modules").path(c.cacheKey());
        if (!c.cudaSha256().equals(e.path("sha256").asText())) {
            return false;
        }
        for (JsonNode f : e.path("images")) {
            if (!Files.exists(dir.resolve(f.asText()))) {
                return false;
            }
        }
        return e.path("images").size() > 0;
    }

    private static String names(List<ComputeModule> l) {
        return l.stream().map(ComputeModule::cacheKey).toList().toString();
    }

    private static String findNvcc() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "nvcc");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        Path p = Path.of("/usr/local/cuda/bin/nvcc");
        return Files.isExecutable(p) ? p.toString() : null;
    }

    private static String version(String nvcc) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nvcc, "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        String[] lines = out.trim().split("\n");
        return lines[lines.length - 1].trim();
    }

    private static String run(String nvcc, String mode, String arch, Path in, Path out, List<String> flags)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(nvcc, mode, arch));
        cmd.addAll(flags);
        cmd.addAll(List.of("-o", out.toString(), in.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("nvcc failed (" + String.join(" ", cmd) + "):\n" + text);
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.replace(in.getParent().toString() + "/", "").split("\n")) {
            if (!line.contains("Compile time")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static void log(String line) {
        System.out.println("[nvcc] " + line);
    }
}
