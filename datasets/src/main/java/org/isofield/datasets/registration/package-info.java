/**
 * Registration of range scans: {@link org.isofield.datasets.registration.RigidTransform} (rotation and translation
 * in double), the Stanford {@code .conf} reader {@link org.isofield.datasets.registration.ConfFile}, point-to-plane
 * ICP after Chen and Medioni (1992) with Low's (2004) linearisation
 * ({@link org.isofield.datasets.registration.PointToPlaneIcp}), the
 * {@link org.isofield.datasets.registration.Overlap} metric, and
 * {@link org.isofield.datasets.registration.ScanMerge}, which registers scans in sequence and concatenates them
 * ({@code isofield merge}).
 */
package org.isofield.datasets.registration;
