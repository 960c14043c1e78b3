package org.isofield.bench.encodings;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.isofield.core.Parallel;
import org.isofield.encodings.Encoding;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.encodings.simplexgrid.SimplexGridConfig;
import org.isofield.encodings.simplexgrid.SimplexGridEncoding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode forward and parameter backward of the instant-ngp SDF grid (L 16, F 2, T 2^19, N_min 16, b 1.381913, 3D) on
 * 2^18 points uniform in the unit cube; the score is points per second. {@code encoding}: {@code HashGrid} (8
 * vertices per level) or {@code SimplexGrid} (4) at equal L, F, T. {@code kernel}: {@code scalar} (the plain-loop
 * twin) or {@code auto} (HashGrid's Vector API kernel for the hashed levels where {@code jdk.incubator.vector} is
 * loaded, else scalar; SimplexGrid has no vector kernel, so both run its scalar one). Backward
 * accumulates into the same gradient buffer each time (zeroing it is the optimizer's cost). Seeds are fixed.
 * Run: {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar HashGridEncodeBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class HashGridEncodeBench {
    static final int POINTS = 1 << 18;

    @Param({"HashGrid", "SimplexGrid"})
    public String encoding;

    @Param({"scalar", "auto"})
    public String kernel;

    /** Worker threads of {@link Parallel}; 0 means all processors. */
    @Param({"0"})
    public int threads;

    private Encoding enc;
    private float[] in;
    private float[] out;
    private float[] dLdOut;
    private float[] grad;

    @Setup(Level.Trial)
    public void setUp() {
        Parallel.setThreads(threads);
        enc = create(encoding, kernel);
        enc.initialize(1);
        SplittableRandom r = new SplittableRandom(2);
        in = new float[POINTS * 3];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        out = new float[POINTS * enc.outputDims()];
        dLdOut = new float[out.length];
        for (int i = 0; i < dLdOut.length; i++) {
            dLdOut[i] = (float) (r.nextDouble() - 0.5);
        }
        grad = new float[enc.paramCount()];
    }

    static Encoding create(String encoding, String kernel) {
        if (encoding.equals("SimplexGrid")) {
            return new SimplexGridEncoding(SimplexGridConfig.DEFAULT, 3);
        }
        HashGridEncoding e = new HashGridEncoding(HashGridConfig.DEFAULT, 3);
        e.setVectorKernel(kernel.equals("auto"));
        return e;
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public float[] encode() {
        enc.encode(in, POINTS, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public float[] backward() {
        enc.backward(in, POINTS, dLdOut, grad);
        return grad;
    }
}
