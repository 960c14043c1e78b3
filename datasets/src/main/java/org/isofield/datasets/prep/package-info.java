/**
 * Cloud preparation before reconstruction: crop, statistical and radius outlier removal, voxel downsampling, each a
 * {@link org.isofield.datasets.prep.PrepStep} with a config in {@link org.isofield.datasets.prep.PrepSteps}, run in
 * order by {@link org.isofield.datasets.prep.CloudPrep} ({@code isofield prep}, and the same options of
 * {@code reconstruct}).
 */
package org.isofield.datasets.prep;
