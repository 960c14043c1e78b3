/**
 * The multiresolution hash encoding of instant-ngp: T. Müller, A. Evans, C. Schied, A. Keller, "Instant Neural
 * Graphics Primitives with a Multiresolution Hash Encoding", ACM Transactions on Graphics (SIGGRAPH) 2022, matching
 * tiny-cuda-nn's {@code HashGrid} level geometry, CoherentPrime hash and parameter layout.
 */
package org.isofield.encodings.hashgrid;
