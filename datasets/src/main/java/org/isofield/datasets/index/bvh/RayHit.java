package org.isofield.datasets.index.bvh;

/**
 * The first intersection of a ray {@code origin + t * direction} with a mesh.
 *
 * @param t         ray parameter of the hit, in {@code [0, tMax]}; a distance when the direction has unit length
 * @param triangle  index of the mesh face that was hit
 * @param b0        barycentric weight of the face's first vertex ({@code faces[3 * triangle]})
 * @param b1        weight of the second vertex
 * @param b2        weight of the third vertex; {@code b0 + b1 + b2 = 1}, each within about 1e-9 of [0, 1]
 */
public record RayHit(double t, int triangle, double b0, double b1, double b2) {
}
