/**
 * Spatial indices over flat coordinate arrays: {@link org.isofield.datasets.index.kdtree} (exact nearest, k-nearest
 * and radius queries over points).
 */
package org.isofield.datasets.index;
