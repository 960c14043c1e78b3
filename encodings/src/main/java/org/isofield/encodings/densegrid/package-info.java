/**
 * The multiresolution dense grid encoding: the level structure of Müller et al. 2022 (instant-ngp) without hashing,
 * as tiny-cuda-nn's {@code DenseGrid}; their baseline in the paper's comparison of encodings.
 */
package org.isofield.encodings.densegrid;
