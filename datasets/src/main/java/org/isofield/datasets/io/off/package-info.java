/**
 * Geomview Object File Format, text variants {@code OFF}, {@code NOFF}, {@code COFF}, {@code CNOFF}:
 * {@link org.isofield.datasets.io.off.OffReader} and {@link org.isofield.datasets.io.off.OffWriter}.
 */
package org.isofield.datasets.io.off;
