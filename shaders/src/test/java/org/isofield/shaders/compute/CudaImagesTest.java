package org.isofield.shaders.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped CUDA images (committed in {@code src/main/resources}) are those of today's sources: every prebuilt
 * variant's SHA-256 matches the manifest and its cubins and PTX are there, so a build without nvcc runs the right
 * binaries. Fix a failure on a machine with nvcc: {@code mvn -pl shaders process-classes -Dnvcc.update=true}, then
 * commit {@code shaders/src/main/resources/org/isofield/shaders/compute/cuda}.
 */
class CudaImagesTest {
    private static final Path SHIPPED = Path.of("src/main/resources").resolve(ModuleCatalog.CUDA_ROOT);

    @Test
    void everyPrebuiltVariantHasFreshImages() throws Exception {
        JsonNode manifest = NvccBuild.readManifest(SHIPPED.resolve("manifest.json"));
        List<String> stale = new ArrayList<>();
        for (ComputeModule m : ComputeModules.prebuiltVariants()) {
            if (!NvccBuild.fresh(m, manifest, SHIPPED)) {
                stale.add(m.cacheKey());
            }
        }
        assertThat(stale).as("CUDA images stale against their sources (rebuild: mvn -pl shaders process-classes"
                + " -Dnvcc.update=true, then commit the cuda/ folder)").isEmpty();
    }

    @Test
    void imagesAreCubinsForTheListedArchitecturesAndPtx() throws Exception {
        ComputeModule m = ComputeModules.get("selftest");
        assertThat(m.cudaImageName(90)).isEqualTo("cubin sm_90");
        assertThat(m.cudaImageName(86)).isEqualTo("cubin sm_80");
        assertThat(m.cudaImageName(75)).isEqualTo("ptx compute_75");
        assertThat(m.cudaImageName(120)).isEqualTo("ptx compute_75");
        assertThat(m.cudaImageName(61)).isEqualTo("none");
        assertThat(new String(m.cudaImage(75), StandardCharsets.US_ASCII)).contains(".target sm_75")
                .contains(".entry saxpy");
        byte[] cubin = m.cudaImage(90);
        assertThat(cubin[1]).isEqualTo((byte) 'E'); // ELF
        assertThat(Files.exists(SHIPPED.resolve(m.fileStem() + ".ptxas.txt"))).isTrue();
    }

    @Test
    void aVariantNotBuiltAheadHasNoCudaImageButBuildsOnOpenCl() {
        ComputeModule m = ComputeModules.get("selftest", Map.of("UNUSED", 3));
        assertThat(m.prebuilt()).isFalse();
        assertThat(m.cudaImage(90)).isNull();
        assertThat(m.cudaImageName(90)).startsWith("none (variant not built ahead");
        assertThat(m.openClSource()).contains("#define UNUSED 3");
        assertThat(m.cacheKey()).isEqualTo("selftest[UNUSED=3]");
    }
}
