package org.isofield.datasets.prep;

import org.isofield.core.Check;

/**
 * Settings of {@link StatisticalOutliers} (otype {@code "StatisticalOutliers"}).
 *
 * @param neighbors the nearest other points whose mean distance is each point's score, 1 to 256 (20, as PCL's and
 *     Open3D's examples use)
 * @param stdRatio a point is removed when its score is above the mean score plus this many standard deviations of
 *     the scores, above 0 to 100 (2.0)
 */
public record StatisticalOutliersConfig(int neighbors, double stdRatio) implements PrepStepConfig {
    /** 20 neighbours, 2 standard deviations. */
    public static final StatisticalOutliersConfig DEFAULT = new StatisticalOutliersConfig(20, 2.0);

    public StatisticalOutliersConfig {
        Check.configRange("neighbors", neighbors, 1, 256);
        Check.configRange("std_ratio", stdRatio, 1e-6, 100.0);
    }

    @Override
    public String otype() {
        return "StatisticalOutliers";
    }
}
