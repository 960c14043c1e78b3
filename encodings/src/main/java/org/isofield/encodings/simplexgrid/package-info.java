/**
 * The simplex-based multiresolution hash encoding: Y. Wen, Y. Yang, "Efficient Encoding of Graphics Primitives with
 * Simplex-based Structures", arXiv 2311.15439, 2023. The skew and the simplex choice follow the standard simplex-noise
 * construction, which the paper says its scheme resembles; no reference code was published.
 */
package org.isofield.encodings.simplexgrid;
