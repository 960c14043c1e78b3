package org.isofield.reconstruction;

import java.util.Locale;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Registry;
import org.isofield.reconstruction.gridpull.GridPull;
import org.isofield.reconstruction.gridpull.GridPullConfig;
import org.isofield.reconstruction.neuralpull.NeuralPull;
import org.isofield.reconstruction.neuralpull.NeuralPullConfig;
import org.isofield.reconstruction.voromesh.VoroMesh;
import org.isofield.reconstruction.voromesh.VoroMeshConfig;

/**
 * The registry of reconstruction methods ({@code isofield config defaults reconstructor GridPull}) and what
 * {@code --method auto} means. Auto is GridPull: on 100k points of spot NeuralPull matched its Chamfer but not its
 * normal consistency, at about 1.8x its CPU time (docs/decisions/gridpull-quality-table.md).
 */
public final class Reconstructors {
    private static final Registry<ReconstructorConfig, Reconstructor> REGISTRY =
            Registry.<ReconstructorConfig, Reconstructor>builder("reconstructor", ReconstructorConfig.class)
                    .add("GridPull", GridPullConfig.class, GridPullConfig.DEFAULT, GridPull::new)
                    .add("NeuralPull", NeuralPullConfig.class, NeuralPullConfig.DEFAULT, NeuralPull::new)
                    .add("VoroMesh", VoroMeshConfig.class, VoroMeshConfig.DEFAULT, VoroMesh::new)
                    .build();

    /** The method {@code auto} stands for. */
    public static final String AUTO = "GridPull";

    private Reconstructors() {
    }

    public static Registry<ReconstructorConfig, Reconstructor> registry() {
        return REGISTRY;
    }

    /** A reconstructor for the config. */
    public static Reconstructor create(ReconstructorConfig config) {
        return REGISTRY.bind(config);
    }

    /** The otype of a method name as typed ({@code auto} or a registered otype, any case). */
    public static String resolve(String method) {
        if (method == null || method.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        String lower = method.toLowerCase(Locale.ROOT);
        for (String name : REGISTRY.names()) {
            if (name.toLowerCase(Locale.ROOT).equals(lower)) {
                return name;
            }
        }
        throw new ConfigException("", "unknown method \"" + method + "\"; known: auto, "
                + String.join(", ", REGISTRY.names()));
    }
}
