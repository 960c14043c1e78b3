package org.isofield.datasets.metrics;

/**
 * Topology and validity of a triangle mesh, from {@link MeshChecks}. Counts are after merging bit-identical vertices
 * and leaving out degenerate faces.
 *
 * @param inputVertices vertices of the mesh as given, referenced or not
 * @param inputFaces faces of the mesh as given
 * @param mergedVertices input vertices that were bit-identical copies of an earlier one
 * @param vertices distinct vertices referenced by a non-degenerate face
 * @param faces non-degenerate faces
 * @param degenerateFaces faces with a repeated vertex (after merging) or zero area, left out of everything else
 * @param edges distinct undirected edges
 * @param boundaryEdges edges in exactly one face
 * @param nonManifoldEdges edges in more than two faces
 * @param watertight at least one face, and every edge in exactly two faces
 * @param components connected components of the vertex-edge graph of the non-degenerate faces, so faces that
 *     touch only at a vertex are one component
 * @param orientationConsistent no directed edge is used by two faces (neighbouring faces agree on orientation)
 * @param eulerCharacteristic {@code vertices - edges + faces}
 * @param genus {@code (2 components - eulerCharacteristic) / 2} when watertight and that is a whole number
 *     {@code >= 0}, else -1 (see {@link #hasGenus()})
 * @param selfIntersections pairs of intersecting non-adjacent faces as counted by the pluggable counter, or -1 when
 *     not computed (see {@link #hasSelfIntersections()})
 */
public record MeshReport(int inputVertices, int inputFaces, int mergedVertices, int vertices, int faces,
        int degenerateFaces, int edges, int boundaryEdges, int nonManifoldEdges, boolean watertight, int components,
        boolean orientationConsistent, long eulerCharacteristic, int genus, long selfIntersections) {

    /** Whether {@link #genus()} is defined. */
    public boolean hasGenus() {
        return genus >= 0;
    }

    /** Whether {@link #selfIntersections()} was computed. */
    public boolean hasSelfIntersections() {
        return selfIntersections >= 0;
    }

    /** Watertight, edge-manifold, consistently oriented, and without self-intersections when those were counted. */
    public boolean isClosedManifold() {
        return watertight && orientationConsistent && selfIntersections <= 0;
    }

    /** A copy with the self-intersection count filled in. */
    public MeshReport withSelfIntersections(long count) {
        return new MeshReport(inputVertices, inputFaces, mergedVertices, vertices, faces, degenerateFaces, edges,
                boundaryEdges, nonManifoldEdges, watertight, components, orientationConsistent, eulerCharacteristic,
                genus, count);
    }
}
