package org.isofield.bench.fields;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.isofield.core.config.Configs;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The throughput target, measured on the whole field: the default SDF config (HashGrid L16 F2 T2^19
 * N_min 16 b 1.381913, 64x2 ReLU FullyFusedMLP, MAPE, Ema over ExponentialDecay over Adam over all 12.2M
 * parameters with zero-gradient skipping), fp32, a batch of {@code batch} samples uniform in the unit cube with a
 * sphere's signed distance as the target. Sample generation is done once in setup and excluded.
 * {@code trainStep} is {@link Trainer#step} (encode, MLP forward, loss, MLP backward, encoding backward, optimizer);
 * {@code inference} is {@link NeuralField#evaluate}. Times are per batch (ms); samples/s = batch / time.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TrainStepBench -wi 3 -i 5 -f 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
public class TrainStepBench {
    @Param({"262144"})
    public int batch;

    private Trainer trainer;
    private NeuralField field;
    private float[] xyz;
    private float[] target;
    private float[] out;

    @Setup
    public void setup() {
        NeuralFieldConfig config = Configs.with(NeuralFieldConfig.DEFAULT, "batch_size", batch);
        field = new NeuralField(config, 1);
        trainer = new Trainer(field);
        xyz = new float[3 * batch];
        target = new float[batch];
        sphereBatch(xyz, target, batch);
        out = new float[batch];
    }

    /** {@code n} points uniform in the unit cube (seed 11) and a sphere's signed distance at each. */
    static void sphereBatch(float[] xyz, float[] target, int n) {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            double z = r.nextDouble();
            xyz[3 * i] = (float) x;
            xyz[3 * i + 1] = (float) y;
            xyz[3 * i + 2] = (float) z;
            double dx = x - 0.5;
            double dy = y - 0.5;
            double dz = z - 0.5;
            target[i] = (float) (Math.sqrt(dx * dx + dy * dy + dz * dz) - 0.3);
        }
    }

    @Benchmark
    public double trainStep() {
        return trainer.step(xyz, target, batch);
    }

    @Benchmark
    public float[] inference() {
        field.evaluate(xyz, batch, out);
        return out;
    }
}
