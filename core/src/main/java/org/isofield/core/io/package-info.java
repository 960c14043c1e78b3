/** Atomic output files: write to a temporary file beside the target, then rename. */
package org.isofield.core.io;
