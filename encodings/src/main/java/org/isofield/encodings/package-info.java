/**
 * Input encodings of neural fields, over batches of points in flat arrays: the multiresolution hash grid of
 * instant-ngp (Müller, Evans, Schied, Keller, SIGGRAPH 2022) to tiny-cuda-nn's exact spec, the simplex hash grid
 * (Wen and Yang, arXiv 2311.15439), a dense multiresolution grid and the frequency (sin/cos) encoding.
 */
package org.isofield.encodings;
