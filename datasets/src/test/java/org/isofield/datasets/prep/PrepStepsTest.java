package org.isofield.datasets.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.core.ConfigException;
import org.isofield.core.IsofieldException;
import org.isofield.core.Progress;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

/**
 * The preparation steps on a unit sphere of 20,000 points with 5% uniform outliers in its box (the issue's
 * outlier case), and on small hand-made clouds whose answers are known.
 */
class PrepStepsTest {
    private static final int SURFACE = 20_000;
    private static final int OUTLIERS = 1_000;

    /** Sphere points first, then the outliers; the outliers keep a distance of 0.1 from the sphere. */
    private static PointCloud sphereWithOutliers() {
        SplittableRandom random = new SplittableRandom(11);
        float[] p = new float[3 * (SURFACE + OUTLIERS)];
        for (int i = 0; i < SURFACE; i++) {
            double z = random.nextDouble(-1, 1);
            double phi = random.nextDouble(0, 2 * Math.PI);
            double r = Math.sqrt(1 - z * z);
            p[3 * i] = (float) (r * Math.cos(phi));
            p[3 * i + 1] = (float) (r * Math.sin(phi));
            p[3 * i + 2] = (float) z;
        }
        for (int i = SURFACE; i < SURFACE + OUTLIERS; ) {
            double x = random.nextDouble(-1, 1), y = random.nextDouble(-1, 1), z = random.nextDouble(-1, 1);
            if (Math.abs(Math.sqrt(x * x + y * y + z * z) - 1) > 0.1) {
                p[3 * i] = (float) x;
                p[3 * i + 1] = (float) y;
                p[3 * i + 2] = (float) z;
                i++;
            }
        }
        return PointCloud.of(p);
    }

    private static int[] survivors(PointCloud before, PointCloud after) {
        int surface = 0;
        int outliers = 0;
        for (int i = 0; i < after.size(); i++) {
            double r = Math.sqrt(after.x(i) * after.x(i) + after.y(i) * after.y(i) + after.z(i) * after.z(i));
            if (Math.abs(r - 1) < 1e-5) {
                surface++;
            } else {
                outliers++;
            }
        }
        return new int[] {surface, outliers};
    }

    @Test
    void statisticalRemovalDropsTheOutliersAndKeepsTheSurface() {
        PointCloud cloud = sphereWithOutliers();
        PrepStep.Result r = new StatisticalOutliers(StatisticalOutliersConfig.DEFAULT).apply(cloud);
        int[] s = survivors(cloud, r.cloud());
        assertThat(s[0]).as("surface points kept").isGreaterThan((int) (0.99 * SURFACE));
        assertThat(s[1]).as("outliers kept").isLessThan(OUTLIERS / 10);
        assertThat((double) r.details().get("distance_limit")).isGreaterThan(
                (double) r.details().get("mean_neighbor_distance"));
    }

    @Test
    void radiusRemovalWithTheSpacingRadiusDropsTheOutliersAndKeepsTheSurface() {
        PointCloud cloud = sphereWithOutliers();
        PrepStep.Result r = new RadiusOutliers(RadiusOutliersConfig.DEFAULT).apply(cloud);
        int[] s = survivors(cloud, r.cloud());
        assertThat(s[0]).isGreaterThan((int) (0.99 * SURFACE));
        assertThat(s[1]).isLessThan(OUTLIERS / 10);
        assertThat(r.details()).containsKeys("median_spacing", "radius");
        // an explicit radius smaller than any spacing removes everything
        PrepStep.Result tiny = new RadiusOutliers(new RadiusOutliersConfig(1e-6, 1)).apply(cloud);
        assertThat(tiny.cloud().size()).isZero();
    }

    @Test
    void voxelDownsamplingAveragesPositionsColoursAndNormalsPerVoxel() {
        // two points in voxel (0,0,0), one in (1,0,0) for voxels of 1; origin shifts the stored positions
        float[] p = {0.1f, 0.2f, 0.3f, 0.3f, 0.4f, 0.5f, 1.5f, 0.5f, 0.5f};
        float[] n = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        float[] c = {1, 0, 0, 0, 1, 0, 0.5f, 0.5f, 0.5f};
        PointCloud cloud = PointCloud.of(p, n, c, new Vec3d(1e6, 0, 0));
        PointCloud out = new VoxelDownsample(new VoxelDownsampleConfig(1.0)).apply(cloud).cloud();
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.origin()).isEqualTo(cloud.origin());
        assertThat(out.positions()).containsExactly(new float[] {0.2f, 0.3f, 0.4f, 1.5f, 0.5f, 0.5f},
                offset(1e-6f));
        float h = (float) Math.sqrt(0.5);
        assertThat(out.normals()).containsExactly(new float[] {h, h, 0, 0, 0, 1},
                offset(1e-6f));
        assertThat(out.colors()).containsExactly(new float[] {0.5f, 0.5f, 0, 0.5f, 0.5f, 0.5f},
                offset(1e-6f));
        // the spacing default on the sphere: fewer points, none lost far from where they were
        PointCloud sphere = sphereWithOutliers();
        PrepStep.Result r = new VoxelDownsample(VoxelDownsampleConfig.DEFAULT).apply(sphere);
        assertThat(r.cloud().size()).isBetween(SURFACE / 10, SURFACE);
        assertThat(new VoxelDownsample(VoxelDownsampleConfig.DEFAULT).apply(sphere).cloud().positions())
                .containsExactly(r.cloud().positions());
    }

    @Test
    void aVoxelTooSmallForTheBoxIsAClearError() {
        PointCloud cloud = PointCloud.of(new float[] {0, 0, 0, 1000, 0, 0});
        assertThatThrownBy(() -> new VoxelDownsample(new VoxelDownsampleConfig(1e-6)).apply(cloud))
                .isInstanceOf(IsofieldException.class).hasMessageContaining("voxel_size 1.0E-6")
                .hasMessageContaining("expected fewer than");
    }

    @Test
    void cropKeepsTheBoxFacesIncludedAndChecksItsCorners() {
        PointCloud cloud = PointCloud.of(new float[] {0, 0, 0, 1, 1, 1, 2, 2, 2, -1, 0, 0},
                null, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, Vec3d.ZERO);
        PointCloud out = new Crop(new CropConfig(List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0))).apply(cloud)
                .cloud();
        assertThat(out.positions()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(out.colors()).containsExactly(1, 0, 0, 0, 1, 0);
        assertThatThrownBy(() -> new CropConfig(List.of(0.0, 0.0, 0.0), List.of(1.0, -1.0, 1.0)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("axis y");
        assertThatThrownBy(() -> new CropConfig(List.of(0.0, 0.0), List.of(1.0, 1.0, 1.0)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected three numbers");
        assertThat(new Crop(CropConfig.DEFAULT).apply(cloud).cloud().size()).isEqualTo(4);
    }

    @Test
    void cloudPrepRunsTheStepsInOrderAndReportsEach() {
        PointCloud cloud = sphereWithOutliers();
        CloudPrep.Result r = CloudPrep.run(cloud, List.of(StatisticalOutliersConfig.DEFAULT,
                new VoxelDownsampleConfig(0.05)), Progress.NONE);
        assertThat(r.steps()).hasSize(2);
        Map<String, Object> first = r.steps().get(0);
        assertThat(first).containsEntry("step", "StatisticalOutliers").containsEntry("points_in", cloud.size());
        assertThat((int) first.get("removed")).isEqualTo(cloud.size() - (int) first.get("points_out"));
        assertThat(r.steps().get(1)).containsEntry("points_in", first.get("points_out"))
                .containsEntry("points_out", r.cloud().size()).containsEntry("voxel_size", 0.05);
        assertThat(CloudPrep.snake("StatisticalOutliers")).isEqualTo("statistical_outliers");
    }

    @Test
    void stepsReadFromJsonByOtypeAndRejectUnknownKeys() {
        PrepStepConfig c = PrepSteps.registry().parse(Json.parse(
                "{\"otype\": \"StatisticalOutliers\", \"neighbors\": 8}", "test"));
        assertThat(c).isEqualTo(new StatisticalOutliersConfig(8, 2.0));
        assertThatThrownBy(() -> PrepSteps.registry().parse(Json.parse(
                "{\"otype\": \"RadiusOutliers\", \"radious\": 1}", "test")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("radious");
        assertThatThrownBy(() -> new StatisticalOutliersConfig(0, 2.0)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("neighbors");
    }
}
