package org.isofield.bench.fields;

import java.util.concurrent.TimeUnit;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.Precision;
import org.isofield.core.config.Configs;
import org.isofield.fields.device.DeviceNeuralField;
import org.isofield.fields.device.DeviceTrainer;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link TrainStepBench} on a device: the default SDF config, batch {@code batch} resident on the device (uploaded once
 * in setup, as a device sampler leaves it), on {@code backend} (opencl or cuda) in {@code precision} (fp16: CUDA
 * tensor cores). {@code trainStep} is {@link DeviceTrainer#step}: encode, MLP forward, loss, MLP backward, encoding
 * backward and both optimizer steps, all kernels, with the loss read back (one sync a step). {@code inference} encodes
 * and evaluates the batch on the device and waits for it (one float read back), without the host transfer of the
 * values. Times per batch (ms); samples/s = batch / time.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DeviceStepBench -p backend=opencl -wi 2 -i 3 -f 1}; on an
 * NVIDIA machine {@code -p backend=cuda -p precision=fp32,fp16} (scripts/gpu-check.sh).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
public class DeviceStepBench {
    @Param({"262144"})
    public int batch;

    @Param({"opencl"})
    public String backend;

    @Param({"fp32"})
    public String precision;

    private DeviceTrainer trainer;
    private DeviceNeuralField field;
    private DeviceArray xyz;
    private DeviceArray target;
    private DeviceArray encoded;
    private DeviceArray values;
    private DeviceArray scratch;
    private final float[] one = new float[1];

    @Setup
    public void setup() {
        Precision p = Precision.parse(precision);
        Backend b = Backend.parse(backend);
        NeuralFieldConfig config = Configs.with(NeuralFieldConfig.DEFAULT, "batch_size", batch, "backend", b,
                "precision", p);
        ComputeDevice device = Backends.select(b, p).device();
        trainer = new DeviceTrainer(device, new NeuralField(config, 1));
        field = trainer.deviceField();
        float[] p3 = new float[3 * batch];
        float[] t = new float[batch];
        TrainStepBench.sphereBatch(p3, t, batch);
        xyz = device.upload(p3, "bench.xyz");
        target = device.upload(t, "bench.target");
        encoded = device.allocateFloats((long) field.encoding().outputDims() * batch, "bench.encoded");
        values = device.allocateFloats(batch, "bench.values");
        scratch = device.allocateFloats(1, "bench.scratch");
    }

    @Benchmark
    public double trainStep() {
        return trainer.step(xyz, target, batch);
    }

    @Benchmark
    public float inference() {
        field.encoding().encode(xyz, batch, encoded);
        field.network().forward(encoded, batch, values, scratch);
        values.download(0, one, 0, 1);
        return one[0];
    }

    @TearDown
    public void tearDown() {
        for (DeviceArray a : new DeviceArray[] {xyz, target, encoded, values, scratch}) {
            a.close();
        }
        trainer.close();
    }
}
