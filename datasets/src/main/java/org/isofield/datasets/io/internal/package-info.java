/**
 * Shared machinery of the format readers and writers: buffered text and binary input without per-token objects,
 * an exact decimal parser, growable primitive arrays, and {@link org.isofield.datasets.io.internal.GeometryBuilder},
 * which applies the origin and non-finite rules. Not for use outside {@code org.isofield.datasets.io}.
 */
package org.isofield.datasets.io.internal;
