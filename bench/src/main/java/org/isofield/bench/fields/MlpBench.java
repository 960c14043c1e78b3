package org.isofield.bench.fields;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.isofield.fields.loss.ElementwiseLoss;
import org.isofield.fields.loss.Loss;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.optim.AdamConfig;
import org.isofield.fields.optim.AdamOptimizer;
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
 * The SDF network (32 inputs as from HashGrid L16 F2, 64x2 ReLU, 1 output) on a batch of 2^18 samples, default
 * thread count: {@code inference} is {@link Network#forward}; {@code trainStep} is forward with kept activations,
 * MAPE loss and gradient, backward to the parameters and to the 32 inputs (as the encoding needs), and one Adam step
 * over the 7,168 weights. Times are per batch (ms); samples/s = 2^18 / time. {@code kernels} picks the matrix kernels
 * ({@code vector} falls back to scalar without {@code jdk.incubator.vector}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MlpBench -wi 3 -i 5 -f 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MlpBench {
    static final int N = 1 << 18;
    static final int IN = 32;

    @Param({"scalar", "vector"})
    public String kernels;

    private MlpNetwork net;
    private Network.Workspace ws;
    private float[] in;
    private float[] target;
    private float[] out;
    private float[] dOut;
    private float[] dIn;
    private float[] grads;
    private Loss loss;
    private AdamOptimizer adam;

    @Setup
    public void setup() {
        System.setProperty("isofield.mlp.kernels", kernels);
        net = new MlpNetwork(MlpConfig.DEFAULT, IN, 1, 1);
        ws = net.newWorkspace(N);
        SplittableRandom r = new SplittableRandom(7);
        in = new float[N * IN];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (r.nextDouble() * 2e-4 - 1e-4 + (i % IN == 0 ? r.nextDouble() : 0));
        }
        target = new float[N];
        for (int i = 0; i < N; i++) {
            target[i] = (float) (r.nextDouble() - 0.5);
        }
        out = new float[N];
        dOut = new float[N];
        dIn = new float[N * IN];
        grads = new float[net.paramCount()];
        loss = new ElementwiseLoss(ElementwiseLoss.Kind.MAPE);
        adam = new AdamOptimizer(AdamConfig.DEFAULT, net.parameterGroups(), net.paramCount());
    }

    @Benchmark
    public float[] inference() {
        net.forward(in, N, out);
        return out;
    }

    @Benchmark
    public double trainStep() {
        net.forwardTrain(in, N, ws, out);
        double l = loss.evaluate(out, target, N, 1, dOut);
        Arrays.fill(grads, 0f);
        net.backward(in, N, ws, dOut, grads, dIn);
        adam.step(net.params(), grads);
        return l;
    }
}
