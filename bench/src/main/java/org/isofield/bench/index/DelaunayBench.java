package org.isofield.bench.index;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.isofield.datasets.index.delaunay.Delaunay3d;
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
 * {@link Delaunay3d#build} of uniform random points in the unit cube (seconds per triangulation; two threads above
 * 50k points). The issue-14 target is 1e6 points within 3 s on 2 cores (CGAL's sequential 3D Delaunay builds about a
 * million points a second).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DelaunayBench -p delaunayPoints=1000000 -wi 1 -i 3 -f 1}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DelaunayBench {
    @Param({"100000", "1000000"})
    public int delaunayPoints;

    private double[] points;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1L);
        points = new double[3 * delaunayPoints];
        for (int i = 0; i < points.length; i++) {
            points[i] = r.nextDouble();
        }
    }

    @Benchmark
    public int build() {
        return Delaunay3d.build(points).tetrahedronCount();
    }
}
