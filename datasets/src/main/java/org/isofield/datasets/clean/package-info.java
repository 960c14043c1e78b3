/**
 * Mesh clean-up after extraction: removal of small disconnected pieces (the "floaters" a learned field leaves
 * where it crosses zero away from the surface).
 */
package org.isofield.datasets.clean;
