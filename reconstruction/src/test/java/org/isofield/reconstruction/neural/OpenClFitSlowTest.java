package org.isofield.reconstruction.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Precision;
import org.isofield.core.compute.testing.ComputeTesting;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.testing.SharedData;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The device path's quality against the CPU's: the default config fitted to bunny-closed for 500 steps on OpenCL
 * (POCL here: batches drawn on the device, the whole step there) and on the Java CPU path, both extracted at 256^3 the
 * same way; the Chamfer-L1 distances agree within 2% of the CPU's. The two runs see different batches (the
 * device draws fresh counter-based ones, the CPU a pool), so this checks the method, not the bits; the parity tests
 * check the bits. About 8 minutes on two cores.
 */
@Tag("slow")
class OpenClFitSlowTest {
    @Test
    void openClFitMatchesTheCpuChamfer() {
        ComputeTesting.openClOrSkip();
        TriangleMesh mesh = Meshes.read(SharedData.mesh("bunny-closed.obj"));
        double cpu = chamfer(mesh, Configs.with(NeuralFieldConfig.DEFAULT, "backend", Backend.CPU, "precision",
                Precision.FP32));
        double gpu = chamfer(mesh, Configs.with(NeuralFieldConfig.DEFAULT, "backend", Backend.OPENCL, "precision",
                Precision.FP32));
        System.out.printf("bunny-closed, 500 steps: chamfer-L1 cpu %.6f, opencl %.6f (%+.2f%%)%n", cpu, gpu,
                100 * (gpu - cpu) / cpu);
        assertThat(Math.abs(gpu - cpu)).as("opencl %.6f vs cpu %.6f", gpu, cpu).isLessThanOrEqualTo(0.02 * cpu);
    }

    private static double chamfer(TriangleMesh mesh, NeuralFieldConfig config) {
        try (SdfFit.Result r = SdfFit.fit(mesh, config, 500, 0, Progress.NONE)) {
            TriangleMesh out = FieldExtractor.extract(r.toFieldFile(), FieldExtractor.DEFAULT_RESOLUTION,
                    Progress.NONE);
            SurfaceReport s = SurfaceMetrics.evaluate(out, mesh);
            System.out.printf("%s: %.1f steps/s, %.0f samples/s, chamfer-L1 %.6f%n", config.backend().jsonName(),
                    r.training().stepsPerSecond(), r.training().samplesPerSecond(), s.chamferL1());
            return s.chamferL1();
        }
    }
}
