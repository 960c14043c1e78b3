/**
 * STL (stereolithography) triangle soups, binary and ascii: {@link org.isofield.datasets.io.stl.StlReader} welds
 * identical corners into shared vertices; {@link org.isofield.datasets.io.stl.StlWriter} writes binary or ascii.
 */
package org.isofield.datasets.io.stl;
