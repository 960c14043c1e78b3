/**
 * Immutable geometry containers: {@link org.isofield.datasets.geom.PointCloud} and
 * {@link org.isofield.datasets.geom.TriangleMesh} store each attribute as one flat {@code float[]} (x0 y0 z0 x1 ...)
 * relative to a {@code double} origin, so scans in projected coordinates (around 1e6) keep sub-millimetre precision;
 * no object per point. Arrays are shared, never copied and never written after construction.
 */
package org.isofield.datasets.geom;
