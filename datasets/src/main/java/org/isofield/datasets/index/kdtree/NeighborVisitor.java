package org.isofield.datasets.index.kdtree;

/**
 * Receives the points of a radius query one at a time, in tree order (not sorted by distance). Called on the thread
 * that runs the query; it must not keep state shared with other threads without its own synchronisation.
 */
@FunctionalInterface
public interface NeighborVisitor {
    /**
     * @param index index of the point in the tree's input
     * @param dist2 its squared distance to the query
     */
    void accept(int index, float dist2);
}
