/**
 * Shared machinery of the grid encodings: the per-level vertex {@link org.isofield.encodings.grid.Stencil}, the cubic
 * cell stencil of the multiresolution grid (Müller et al. 2022) and the scalar kernels over stencils.
 */
package org.isofield.encodings.grid;
