/**
 * The {@code .isf} field file: a versioned, self-describing binary container for a trained field (its kind, config,
 * world-to-unit-cube transform, float32 parameter blocks, optional optimizer state and metadata) with a length and
 * a CRC-32 checksum. Layout: {@code docs/isf-format.md}.
 */
package org.isofield.fields.io;
