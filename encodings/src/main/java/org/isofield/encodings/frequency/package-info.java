/**
 * The frequency (sin/cos positional) encoding of NeRF (Mildenhall et al. 2020) in tiny-cuda-nn's output order; the
 * baseline of the encoding comparison in Müller et al. 2022.
 */
package org.isofield.encodings.frequency;
