/**
 * A triangle bounding volume hierarchy ({@link org.isofield.datasets.index.bvh.TriangleBvh}) for closest points,
 * ray casts, generalised winding numbers and signed distances of triangle meshes and soups.
 *
 * <p>Papers and sources: binned SAH build (Wald, "On fast Construction of SAH-based Bounding Volume Hierarchies",
 * 2007); exact point-triangle distance by Voronoi regions (Ericson, "Real-Time Collision Detection", 2005, 5.1.5);
 * ray-triangle intersection (Möller and Trumbore, "Fast, Minimum Storage Ray/Triangle Intersection", 1997); triangle
 * solid angles (Van Oosterom and Strackee, "The Solid Angle of a Plane Triangle", 1983); fast winding numbers with an
 * order-2 far-field expansion (Barill, Dickson, Schmidt, Levin and Jacobson, "Fast Winding Numbers for Soups and
 * Clouds", SIGGRAPH 2018).
 */
package org.isofield.datasets.index.bvh;
