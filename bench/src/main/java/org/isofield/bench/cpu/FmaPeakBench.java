package org.isofield.bench.cpu;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's own fp32 fused multiply-add peak, the yardstick every kernel's figure is given against: twelve
 * independent chains of {@code a = a * m + c} on vectors of the preferred species (16 lanes with AVX-512, 8 with
 * AVX2), all in registers, so nothing but the FMA units limits the rate. Twelve chains cover the FMA latency (4 cycles)
 * times the two FMA pipes of current x86 cores with room to spare. {@code oneThread} and {@code allThreads} (JMH
 * {@code @Threads(MAX)}: every CPU the JVM sees) report the counter {@code flop} in FLOP/s (one FMA = 2 FLOP per lane);
 * divide by 1e9 for GFLOP/s. A scalar {@link Math#fma} variant gives the peak for code that does not vectorise.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar FmaPeakBench -f 1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class FmaPeakBench {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
    /** Loop trips per call; each trip is twelve vector FMAs. */
    static final int TRIPS = 4096;

    /** Per-thread operands, kept in fields so the JIT cannot fold the chains into constants. */
    @State(Scope.Thread)
    public static class Operands {
        float m;
        float c;

        @Setup
        public void setup() {
            m = 0.9999999f;
            c = 1e-7f;
        }
    }

    /** FLOP done per second, summed over the threads. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flop {
        public double flop;

        @Setup(Level.Iteration)
        public void reset() {
            flop = 0;
        }
    }

    @Benchmark
    @Threads(1)
    public float oneThread(Operands o, Flop f) {
        return vectorChains(o, f);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public float allThreads(Operands o, Flop f) {
        return vectorChains(o, f);
    }

    /** 256-bit vectors (AVX2 width) on every thread: whether the preferred width pays on this machine. */
    @Benchmark
    @Threads(Threads.MAX)
    public float allThreads256(Operands o, Flop f) {
        return vectorChains256(o, f);
    }

    @Benchmark
    @Threads(1)
    public float scalarOneThread(Operands o, Flop f) {
        float m = o.m;
        float c = o.c;
        float a0 = 1f;
        float a1 = 2f;
        float a2 = 3f;
        float a3 = 4f;
        float a4 = 5f;
        float a5 = 6f;
        float a6 = 7f;
        float a7 = 8f;
        for (int i = 0; i < TRIPS; i++) {
            a0 = Math.fma(a0, m, c);
            a1 = Math.fma(a1, m, c);
            a2 = Math.fma(a2, m, c);
            a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c);
            a5 = Math.fma(a5, m, c);
            a6 = Math.fma(a6, m, c);
            a7 = Math.fma(a7, m, c);
        }
        f.flop += 2.0 * 8 * TRIPS;
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    private static float vectorChains(Operands o, Flop f) {
        FloatVector m = FloatVector.broadcast(S, o.m);
        FloatVector c = FloatVector.broadcast(S, o.c);
        FloatVector a0 = FloatVector.broadcast(S, 1f);
        FloatVector a1 = FloatVector.broadcast(S, 2f);
        FloatVector a2 = FloatVector.broadcast(S, 3f);
        FloatVector a3 = FloatVector.broadcast(S, 4f);
        FloatVector a4 = FloatVector.broadcast(S, 5f);
        FloatVector a5 = FloatVector.broadcast(S, 6f);
        FloatVector a6 = FloatVector.broadcast(S, 7f);
        FloatVector a7 = FloatVector.broadcast(S, 8f);
        FloatVector a8 = FloatVector.broadcast(S, 9f);
        FloatVector a9 = FloatVector.broadcast(S, 10f);
        FloatVector a10 = FloatVector.broadcast(S, 11f);
        FloatVector a11 = FloatVector.broadcast(S, 12f);
        for (int i = 0; i < TRIPS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        f.flop += 2.0 * 12 * S.length() * TRIPS;
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    /** {@link #vectorChains} on 256-bit vectors; a copy because the species must be a constant to be intrinsified. */
    private static float vectorChains256(Operands o, Flop f) {
        FloatVector m = FloatVector.broadcast(S256, o.m);
        FloatVector c = FloatVector.broadcast(S256, o.c);
        FloatVector a0 = FloatVector.broadcast(S256, 1f);
        FloatVector a1 = FloatVector.broadcast(S256, 2f);
        FloatVector a2 = FloatVector.broadcast(S256, 3f);
        FloatVector a3 = FloatVector.broadcast(S256, 4f);
        FloatVector a4 = FloatVector.broadcast(S256, 5f);
        FloatVector a5 = FloatVector.broadcast(S256, 6f);
        FloatVector a6 = FloatVector.broadcast(S256, 7f);
        FloatVector a7 = FloatVector.broadcast(S256, 8f);
        FloatVector a8 = FloatVector.broadcast(S256, 9f);
        FloatVector a9 = FloatVector.broadcast(S256, 10f);
        FloatVector a10 = FloatVector.broadcast(S256, 11f);
        FloatVector a11 = FloatVector.broadcast(S256, 12f);
        for (int i = 0; i < TRIPS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        f.flop += 2.0 * 12 * S256.length() * TRIPS;
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
