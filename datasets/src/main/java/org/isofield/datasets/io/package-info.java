/**
 * Geometry file formats: PLY, OBJ, OFF, XYZ and STL ({@link org.isofield.datasets.io.GeometryFormat}), one package
 * each, registered in {@link org.isofield.datasets.io.GeometryIO#defaults()}. Front doors:
 * {@link org.isofield.datasets.io.PointClouds}, {@link org.isofield.datasets.io.Meshes} and, for "whatever is in the
 * file", {@link org.isofield.datasets.io.GeometryIO}.
 *
 * <p>Readers stream into flat arrays without an object per point. Precision: each file gets an origin chosen from
 * its first point ({@link org.isofield.datasets.geom.Vec3d#chooseOrigin}); doubles are read as doubles and stored as
 * {@code float(x - origin)}, so coordinates around 1e6 keep sub-millimetre precision, and float data round-trips
 * bit for bit. Errors are {@link org.isofield.core.FormatException}s that name the file, the line or byte, what was
 * found and what was expected.
 */
package org.isofield.datasets.io;
