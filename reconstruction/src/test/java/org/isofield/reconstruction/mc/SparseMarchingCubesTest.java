package org.isofield.reconstruction.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.AnalyticShape;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparseMarchingCubesTest {
    /** A shape's signed distance read on a grid's samples, with its analytic gradient. */
    static LatticeField lattice(AnalyticShape shape, SampleGrid g) {
        return new LatticeField() {
            @Override
            public float value(int i, int j, int k) {
                double h = g.spacing();
                return (float) shape.signedDistance(g.origin().x() + i * h, g.origin().y() + j * h, g.origin().z()
                        + k * h);
            }

            @Override
            public void gradient(double x, double y, double z, double[] out) {
                double h = g.spacing();
                Vec3d n = shape.gradient(g.origin().x() + x * h, g.origin().y() + y * h, g.origin().z() + z * h);
                out[0] = n.x();
                out[1] = n.y();
                out[2] = n.z();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"sphere", "torus", "csg-part"})
    void matchesTheDenseExtractorWhenSeededNearTheSurface(String name) {
        AnalyticShape shape = Shapes.byName(name);
        SampleGrid grid = MarchingCubesTest.box(40);
        PointCloud points = SurfaceSampler.sample(shape.toMesh(64), 2000, 3L);
        CellMask seeds = CellMask.near(grid, points, 1.5 * grid.spacing());
        SparseMarchingCubes.Result sparse = SparseMarchingCubes.extract(lattice(shape, grid), seeds, Progress.NONE);
        TriangleMesh dense = new MarchingCubes(new MarchingCubesConfig(false)).extract(MarchingCubesTest.field(shape),
                grid, Progress.NONE);
        assertThat(sparse.mesh().faceCount()).isEqualTo(dense.faceCount());
        assertThat(sparse.mesh().vertexCount()).isEqualTo(dense.vertexCount());
        assertThat(sparse.visitedCells()).isLessThan(39L * 39 * 39 / 2);
        MeshReport r = MeshChecks.check(sparse.mesh());
        assertThat(r.isClosedManifold()).as(r.toString()).isTrue();
        assertThat(MarchingCubesTest.signedVolume(sparse.mesh())).isPositive();
    }

    @Test
    void aPointsOwnRadiusWidensItsCellsOnly() {
        // 11 samples per axis, spacing 1: cells 0..9 per axis; two points, the second with a radius of its own
        SampleGrid grid = new SampleGrid(11, 11, 11, Vec3d.ZERO, 1.0);
        PointCloud points = PointCloud.of(new float[] {2.5f, 2.5f, 2.5f, 7.5f, 7.5f, 7.5f});
        assertThat(CellMask.near(grid, points, 0.4).count()).isEqualTo(2);
        CellMask wide = CellMask.near(grid, points, 0.4, new float[] {0.1f, 1.2f});
        assertThat(wide.count()).as("1 cell + a 3x3x3 block").isEqualTo(1 + 27);
        assertThat(wide.get(wide.index(6, 8, 7))).isTrue();
        assertThat(wide.get(wide.index(3, 2, 2))).isFalse();
        assertThat(CellMask.near(grid, points, 0.4, null).count()).isEqualTo(2);
        assertThatThrownBy(() -> CellMask.near(grid, points, 0.4, new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pointRadius");
    }

    @Test
    void followsTheSurfaceFromASingleSeedAndNormalsPointOutward() {
        AnalyticShape sphere = Shapes.byName("sphere");
        SampleGrid grid = MarchingCubesTest.box(32);
        CellMask seeds = new CellMask(grid);
        int i = (int) Math.floor((0.4 + 0.5) / grid.spacing());
        seeds.set(seeds.index(i, 15, 15));
        SparseMarchingCubes.Result r = SparseMarchingCubes.extract(lattice(sphere, grid), seeds, Progress.NONE);
        MeshReport m = MeshChecks.check(r.mesh());
        assertThat(m.watertight()).isTrue();
        assertThat(m.components()).isEqualTo(1);
        float[] v = r.mesh().vertices();
        float[] n = r.mesh().normals();
        Vec3d o = r.mesh().origin();
        for (int p = 0; p < r.mesh().vertexCount(); p++) {
            double dot = (o.x() + v[3 * p]) * n[3 * p] + (o.y() + v[3 * p + 1]) * n[3 * p + 1]
                    + (o.z() + v[3 * p + 2]) * n[3 * p + 2];
            assertThat(dot).isPositive();
        }
    }

    @Test
    void flipsAFieldThatIsPositiveInside() {
        AnalyticShape sphere = Shapes.byName("sphere");
        SampleGrid grid = MarchingCubesTest.box(24);
        LatticeField inner = lattice(sphere, grid);
        LatticeField flipped = new LatticeField() {
            @Override
            public float value(int i, int j, int k) {
                return -inner.value(i, j, k);
            }

            @Override
            public void gradient(double x, double y, double z, double[] out) {
                inner.gradient(x, y, z, out);
                for (int a = 0; a < 3; a++) {
                    out[a] = -out[a];
                }
            }
        };
        PointCloud points = SurfaceSampler.sample(sphere.toMesh(32), 500, 1L);
        TriangleMesh mesh = SparseMarchingCubes.extract(flipped, CellMask.near(grid, points, grid.spacing()),
                Progress.NONE).mesh();
        assertThat(MarchingCubesTest.signedVolume(mesh)).isPositive();
        assertThat(MeshChecks.check(mesh).orientationConsistent()).isTrue();
    }

    @Test
    void ignoresSurfacesNoSeedTouches() {
        AnalyticShape sphere = Shapes.byName("sphere");
        SampleGrid grid = MarchingCubesTest.box(24);
        SparseMarchingCubes.Result r = SparseMarchingCubes.extract(lattice(sphere, grid), new CellMask(grid),
                Progress.NONE);
        assertThat(r.mesh().faceCount()).isZero();
        assertThat(r.visitedCells()).isZero();
    }

    @Test
    void extractWithinStaysInTheGivenCellsAndKeepsTheFieldsOrientation() {
        AnalyticShape shape = Shapes.byName("sphere");
        SampleGrid grid = MarchingCubesTest.box(40);
        PointCloud all = SurfaceSampler.sample(shape.toMesh(64), 2000, 3L);
        float[] p = all.positions();
        float[] cap = new float[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i += 3) {
            if (all.origin().z() + p[i + 2] > 0.2) {
                System.arraycopy(p, i, cap, m, 3);
                m += 3;
            }
        }
        CellMask cells = CellMask.near(grid, PointCloud.of(Arrays.copyOf(cap, m), all.origin()), 1.5 * grid.spacing());
        LatticeField inverted = new LatticeField() {
            final LatticeField f = lattice(shape, grid);

            @Override
            public float value(int i, int j, int k) {
                return -f.value(i, j, k);
            }

            @Override
            public void gradient(double x, double y, double z, double[] out) {
                f.gradient(x, y, z, out);
                for (int a = 0; a < 3; a++) {
                    out[a] = -out[a];
                }
            }
        };
        SparseMarchingCubes.Result within = SparseMarchingCubes.extractWithin(inverted, cells, Progress.NONE);
        assertThat(within.visitedCells()).isEqualTo(cells.count());
        MeshReport r = MeshChecks.check(within.mesh());
        assertThat(r.watertight()).isFalse();
        assertThat(r.orientationConsistent()).isTrue();
        assertThat(within.mesh().bounds().min().z()).isGreaterThan(0.2 - 3 * grid.spacing());
        // positive inside: the normals point inward; extract() would have flipped them outward
        float[] v = within.mesh().vertices();
        float[] n = within.mesh().normals();
        Vec3d o = within.mesh().origin();
        for (int i = 0; i < within.mesh().vertexCount(); i++) {
            double dot = (o.x() + v[3 * i]) * n[3 * i] + (o.y() + v[3 * i + 1]) * n[3 * i + 1] + (o.z() + v[3 * i
                    + 2]) * n[3 * i + 2];
            assertThat(dot).isNegative();
        }
    }
}
