package org.isofield.reconstruction.gridpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.isofield.core.IsofieldException;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

class AutoResolutionTest {
    /** A sphere's points in the unit frame (centred, longest side 1). */
    private static float[] unitSphere(int n) {
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName("sphere").toMesh(64), n, 3L);
        var box = cloud.bounds();
        double longest = box.longestSide();
        var shift = cloud.origin().minus(box.center());
        float[] p = cloud.positions();
        float[] unit = new float[p.length];
        for (int i = 0; i < p.length; i += 3) {
            unit[i] = (float) ((shift.x() + p[i]) / longest);
            unit[i + 1] = (float) ((shift.y() + p[i + 1]) / longest);
            unit[i + 2] = (float) ((shift.z() + p[i + 2]) / longest);
        }
        return unit;
    }

    @Test
    void countsTheBandExactlyAsTheBandBuilderStoresIt() {
        float[] unit = unitSphere(3000);
        int cells = 96;
        int bandWidth = 3;
        int samples = GridPull.samplesPerAxis(cells, bandWidth);
        double half = (samples - 1) / 2.0;
        float[] lattice = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            lattice[i] = (float) (half + unit[i] * cells);
        }
        BandBuilder.Band band = BandBuilder.build(lattice, KdTree.build(lattice), samples, bandWidth, 3.0);
        assertThat(AutoResolution.storedSamples(unit, cells, bandWidth)).isEqualTo(band.grid().values.length);
    }

    @Test
    void keepsTheSpacingRuleWhenTheBandIsSmall() {
        float[] unit = unitSphere(3000);
        AutoResolution.Choice c = AutoResolution.choose(unit, 2.0 / 100, 3, 0, 24_000, 4L << 30);
        assertThat(c.wanted()).isEqualTo(104);
        assertThat(c.cells()).isEqualTo(104);
        assertThat(c.limit()).isEqualTo("none");
        assertThat(AutoResolution.describe(c)).contains("104", "limit none");
    }

    @Test
    void lowersTheResolutionUntilTheBandFitsTheSampleCap() {
        float[] unit = unitSphere(3000);
        long cap = 400_000;
        AutoResolution.Choice c = AutoResolution.choose(unit, 2.0 / 400, 3, 0, 24_000, 64L << 30, cap);
        assertThat(c.wanted()).isEqualTo(400);
        assertThat(c.limit()).isEqualTo("band");
        assertThat(c.storedSamples()).isLessThanOrEqualTo(cap);
        assertThat(c.cells() % 8).isZero();
        // not lowered more than needed: one step of 8 up would pass the cap
        assertThat(AutoResolution.storedSamples(unit, c.cells() + 24, 3)).isGreaterThan(cap);
    }

    @Test
    void namesTheLimitThatAsksForTheLargerCutWhenBothAreOver() {
        float[] unit = unitSphere(3000);
        long cap = 400_000;
        long samples = AutoResolution.storedSamples(unit, 400, 3);
        long bytes = AutoResolution.estimateBytes(samples, 400, 400, 3, 3000, 24_000);
        // the heap share is passed by 5%, the sample cap by far more: the cap is what holds the resolution down
        long heap = (long) (bytes / AutoResolution.HEAP_SHARE * 0.95);
        assertThat(samples).isGreaterThan(2 * cap);
        AutoResolution.Choice c = AutoResolution.choose(unit, 2.0 / 400, 3, 0, 24_000, heap, cap);
        assertThat(c.limit()).isEqualTo("band");
        assertThat(c.storedSamples()).isLessThanOrEqualTo(cap);
        // and the other way round: a heap far too small for the band names the heap
        AutoResolution.Choice h = AutoResolution.choose(unit, 2.0 / 400, 3, 0, 24_000, heap / 16, cap);
        assertThat(h.limit()).isEqualTo("heap");
    }

    @Test
    void lowersTheResolutionUntilTheEstimateFitsTheHeap() {
        float[] unit = unitSphere(3000);
        long heap = 200L << 20;
        AutoResolution.Choice c = AutoResolution.choose(unit, 2.0 / 1024, 3, 0, 24_000, heap);
        assertThat(c.limit()).isEqualTo("heap");
        assertThat(c.cells()).isLessThan(1024);
        assertThat(c.estimatedBytes()).isLessThanOrEqualTo((long) (AutoResolution.HEAP_SHARE * heap));
        // an explicit marching-cubes resolution shrinks the masks, so more grid fits
        AutoResolution.Choice coarseMc = AutoResolution.choose(unit, 2.0 / 1024, 3, 128, 24_000, heap);
        assertThat(coarseMc.cells()).isGreaterThanOrEqualTo(c.cells());
    }

    @Test
    void neverGoesBelowTheMinimumAndRefusesACloudThatDoesNotFitEvenThere() {
        float[] unit = unitSphere(3000);
        int min = AutoResolution.MIN;
        long samples = AutoResolution.storedSamples(unit, min, 3);
        long bytes = AutoResolution.estimateBytes(samples, min, min, 3, 3000, 24_000);
        // over the heap share but within the heap: the smallest resolution is tried
        AutoResolution.Choice c = AutoResolution.choose(unit, 2.0 / 1024, 3, 0, 24_000, bytes * 5 / 4);
        assertThat(c.cells()).isEqualTo(min);
        assertThat(c.limit()).isEqualTo("heap");
        // beyond the whole heap: refused before anything big is allocated, with a heap that would do
        assertThatThrownBy(() -> AutoResolution.choose(unit, 2.0 / 1024, 3, 0, 24_000, bytes / 2))
                .isInstanceOf(IsofieldException.class)
                .hasMessageContaining("a cloud of 3000 points needs about")
                .hasMessageContaining("smallest auto resolution (" + min + " cells")
                .hasMessageMatching("(?s).*-Xmx\\d+g.*--voxel-size.*");
    }

    @Test
    void anExplicitResolutionWhoseBandDoesNotFitTheHeapIsRefusedUpFront() {
        float[] unit = unitSphere(3000);
        long heap = 1L << 30;
        // 2048 cells around a sphere: about 1.8e8 band samples, far beyond 1 GiB
        assertThatThrownBy(() -> AutoResolution.checkExplicit(unit, 0.02, 2048, 3, 0, 24_000, heap))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("$.grid_resolution")
                .hasMessageContaining("2048 needs about")
                .hasMessageMatching("(?s).*auto would choose \\d+ here.*-Xmx\\d+g.*");
        // a resolution that fits passes
        AutoResolution.checkExplicit(unit, 0.02, 128, 3, 0, 24_000, heap);
    }
}
