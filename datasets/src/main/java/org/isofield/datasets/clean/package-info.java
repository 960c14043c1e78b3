/**
 * Mesh clean-up: removal of small disconnected pieces after extraction ({@link
 * org.isofield.datasets.clean.SmallPieces}, {@link org.isofield.datasets.clean.ShortEdges}), and the steps of
 * {@code isofield clean}, each a {@link org.isofield.datasets.clean.CleanStep} with a config in {@link
 * org.isofield.datasets.clean.CleanSteps}, run in order by {@link org.isofield.datasets.clean.MeshCleanup}:
 * {@link org.isofield.datasets.clean.Components} (largest components by area), {@link
 * org.isofield.datasets.clean.FarFaces} (faces far from the input cloud), {@link
 * org.isofield.datasets.clean.TaubinSmoothing} (Taubin 1995), {@link org.isofield.datasets.clean.HoleFilling}
 * (ear clipping of small boundary loops) and {@link org.isofield.datasets.clean.QemDecimation} (Garland and
 * Heckbert 1997).
 */
package org.isofield.datasets.clean;
