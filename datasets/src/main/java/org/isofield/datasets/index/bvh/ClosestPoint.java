package org.isofield.datasets.index.bvh;

/**
 * The point of a mesh surface closest to a query point, in world coordinates.
 *
 * @param distance  Euclidean distance from the query to {@code (x, y, z)}, 0 or more
 * @param x         world x of the closest point
 * @param y         world y of the closest point
 * @param z         world z of the closest point
 * @param triangle  index of the mesh face holding the point (the smallest distance wins; ties go to any of them)
 * @param b0        barycentric weight of the face's first vertex ({@code faces[3 * triangle]})
 * @param b1        weight of the second vertex
 * @param b2        weight of the third vertex; {@code b0 + b1 + b2 = 1}, each in [0, 1]
 */
public record ClosestPoint(double distance, double x, double y, double z, int triangle, double b0, double b1,
        double b2) {
}
